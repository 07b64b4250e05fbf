/**
 * Text shapes the classifier matches on. Labels, names and option texts are reduced to
 * lower-case ASCII-ish words separated by single spaces, so one pattern covers "E-Mail",
 * "e_mail" and "E‑mail:" and accents never decide a match ("Prénom", "prenom").
 */

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Anything beyond printable ASCII and white space, which needs Unicode normalization. */
const NOT_PLAIN = /[^\s\x20-\x7e]/;
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/** Collapses runs of whitespace to one space and trims: how labels are reported. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Lower case, accents stripped (NFD then marks dropped), ß as "ss", and anything that is not a
 * letter or digit turned into a single space.
 */
export function normalize(text: string): string {
  // Most labels and names are ASCII: skip Unicode normalization for them (it dominates the cost).
  if (!NOT_PLAIN.test(text)) return text.toLowerCase().replace(ASCII_NON_WORD, ' ').trim();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss').replace(NON_WORD, ' ').trim();
}

/**
 * The words of a `name` or `id` attribute: camelCase, snake_case, kebab-case, dotted and
 * bracketed names (`billing[first_name]`, `shippingAddress.line2`) all become plain words,
 * and digits are split from letters so `address2` reads as "address 2".
 */
export function attributeWords(value: string): string {
  return normalize(
    value
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      .replace(/(\d)(\p{L})/gu, '$1 $2'),
  );
}

/** Whether `text` has any letter or digit; a label of only ")" or "-" between phone boxes says nothing. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Builds a regular expression matching any of `alternatives` as whole words of a normalized string. */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
}

/** Words that mark a field optional or required: they say nothing about what it asks for. */
const NOISE = words(
  'optional|required|mandatory|if any|if applicable|freiwillig|optional|pflichtfeld|erforderlich|facultatif',
  'optionnel|obligatoire|opcional|obligatorio|si aplica',
);

const ALL_NOISE = new RegExp(NOISE.source, 'g');

/** A label normalized for matching, without "(optional)" and the like, so "Company (optional)" is "company". */
export function labelWords(label: string): string {
  return normalize(label).replace(ALL_NOISE, ' ').replace(/ +/g, ' ').trim();
}

/** Matches a string that has both patterns, in either order. */
export function both(a: string, b: string): RegExp {
  return new RegExp(`^(?=.*(?:^| )(?:${a})(?: |$))(?=.*(?:^| )(?:${b})(?: |$))`);
}
