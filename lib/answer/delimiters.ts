/**
 * The one set of prompt delimiters. Text written by someone else (a page, earlier
 * summaries of it) goes to the model inside a tag, as data: the system prompt says never
 * to follow instructions in it, and the text cannot close the tag early or break out of
 * its attributes.
 */

/** Tags Edgewise wraps data in. */
export type DataTag = 'page' | 'summaries';

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
  return text.replaceAll('"', "'").replace(/[<>]/g, '').replace(/\s+/g, ' ').slice(0, 80);
}

/** `<tag a="…">\ntext\n</tag>`, with attribute values and the text made safe. */
export function dataBlock(tag: DataTag, attributes: Record<string, string>, text: string): string {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${attribute(value)}"`)
    .join('');
  return `<${tag}${attrs}>\n${neutralise(text, tag)}\n</${tag}>`;
}
