/**
 * The one set of prompt delimiters. Text written by someone else (a page, earlier
 * summaries of it) goes to the model inside a tag, as data: the system prompt says never
 * to follow instructions in it, and the text cannot close the tag early or break out of
 * its attributes.
 */

/** Tags Edgewise wraps data in: page text, earlier summaries, and the user's About me notes. */
export type DataTag = 'page' | 'summaries' | 'notes';

/**
 * `text` with every spelling of a closing `</tag` defused: any case and any whitespace
 * (a model reads `</PAGE >`, `</ page>` and `<\n/page>` as closing tags too). The `<` is
 * written as `&lt;`, so no `<`, whitespace, `/`, `tag` sequence is left but ours.
 */
export function neutralise(text: string, tag: DataTag): string {
  return text.replace(new RegExp(`<(\\s*/\\s*${tag})`, 'gi'), '&lt;$1');
}

/**
 * Text fit for a delimiter's attribute: no quotes that could close it, no `<` or `>` that
 * could open or close a tag, no line breaks, at most 80 characters.
 */
export function attribute(text: string): string {
  return inlineText(text.replaceAll('"', "'"), 80);
}

/**
 * Text someone else wrote, fit to sit on one line outside any tag (a form's question): no
 * `<` or `>` that could open or close one, no line breaks, at most `max` characters.
 */
export function inlineText(text: string, max: number): string {
  return text.replace(/[<>]/g, '').replace(/\s+/g, ' ').trim().slice(0, max);
}

/** `<tag a="…">\ntext\n</tag>`, with attribute values and the text made safe. */
export function dataBlock(tag: DataTag, attributes: Record<string, string>, text: string): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${attribute(value)}"`)
    .join('');
  return `<${tag}${attrs}>\n${neutralise(text, tag)}\n</${tag}>`;
}
