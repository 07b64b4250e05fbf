/**
 * Characters a reader cannot see but a model reads: Unicode's default-ignorable code points, i.e.
 * zero-width spaces and joiners, soft hyphen, bidi marks and overrides, word joiner and invisible
 * operators, BOM, variation selectors, Hangul fillers and the tag block. Hidden prompt injections
 * ride on these ("ASCII smuggling" uses tag characters, "emoji smuggling" variation selectors), and
 * inside a word they split it for the tokenizer.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Removes invisible characters (see INVISIBLE); everything else is left as is. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** One block of text: invisible characters removed, whitespace runs collapsed to one space, trimmed. */
export function cleanBlock(text: string): string {
  return stripInvisible(text).replace(/\s+/g, ' ').trim();
}

/** Preformatted text (code): keeps line breaks, drops trailing spaces and blank runs at the ends. */
export function cleanPreformatted(text: string): string {
  const lines = stripInvisible(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+$/, '').replace(/\t/g, '  '));
  while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  // Blank lines inside code would read as block breaks downstream; one newline keeps the shape.
  return lines.filter((line) => line.trim() !== '').join('\n');
}

/**
 * Selected text as blocks: every line break becomes a block break, because Selection.toString()
 * separates paragraphs, list items and table rows with one or two newlines depending on the markup.
 */
export function selectionBlocks(text: string): string[] {
  return text
    .split(/\r\n?|\n/)
    .map(cleanBlock)
    .filter((block) => block !== '');
}

// CJK scripts do not put spaces between words; count each character as a word there.
const WORD = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[^\s\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]+/gu;

/** Words in clean text: runs of non-space characters, and each Chinese or Japanese character. */
export function countWords(text: string): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(text) !== null) n++;
  return n;
}

/**
 * Joins blocks with "\n\n" and cuts the result to at most `maxChars`, at a word boundary when one
 * is near, never inside a surrogate pair. Returns the text and the uncut length.
 */
export function joinCapped(blocks: readonly string[], maxChars: number): { text: string; totalChars: number } {
  const full = blocks.join('\n\n');
  if (full.length <= maxChars) return { text: full, totalChars: full.length };
  let end = Math.max(0, Math.floor(maxChars));
  const code = full.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // do not keep half a surrogate pair
  let text = full.slice(0, end);
  const space = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\n'));
  if (space > end * 0.9) text = text.slice(0, space);
  return { text: text.trimEnd(), totalChars: full.length };
}

/** Characters in blocks once joined (without the separators). */
export function blocksLength(blocks: readonly string[]): number {
  let n = 0;
  for (const b of blocks) n += b.length;
  return n;
}
