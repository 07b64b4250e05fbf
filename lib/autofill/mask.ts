/**
 * Masked previews (issue 13). The suggestion popup lives in a page that may be hostile, so
 * until the user picks a suggestion it shows only a masked preview ("J••• D••",
 * "j•••@e•••••.c••"): enough to tell a work address from a personal one, too little to be
 * worth stealing. The value itself is sent to the page only on the pick.
 */

/** Most bullets per word: the length of a long word is not shown either. */
const MAX_BULLETS = 5;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `value` with only the first letter or digit of each word kept (a whole grapheme, so a
 * Devanagari or Thai letter keeps its marks, and the marks never start words of their own);
 * separators stay, so shapes (an email, a phone) are recognisable.
 */
export function maskPreview(value: string): string {
  return value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\p{L}\p{M}\p{N}]+/gu, (word) => {
      const parts = Array.from(graphemes.segment(word), (part) => part.segment);
      return (parts[0] ?? '') + '•'.repeat(Math.min(MAX_BULLETS, Math.max(1, parts.length - 1)));
    });
}
