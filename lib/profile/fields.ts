/**
 * The profile's structured fields, named exactly as HTML autocomplete tokens
 * (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field),
 * so the autofill classifier maps a form field to a profile value without a translation table.
 */

/** Every structured field a profile holds, in the order the Profile view shows them. */
export const PROFILE_TOKENS = [
  'name',
  'given-name',
  'additional-name',
  'family-name',
  'email',
  'tel',
  'organization',
  'organization-title',
  'address-line1',
  'address-line2',
  'address-line3',
  'address-level2',
  'address-level1',
  'postal-code',
  'country',
  'bday',
  'url',
] as const;

/** One structured profile field (an autocomplete token). */
export type ProfileToken = (typeof PROFILE_TOKENS)[number];

/** A profile's structured values: several per token where forms need a choice (two emails). */
export type ProfileFields = Partial<Record<ProfileToken, string[]>>;

/** A free link ("LinkedIn", "GitHub", "Portfolio") with its address. */
export interface ProfileLink {
  label: string;
  url: string;
}
