/**
 * The profile's structured fields, named exactly as HTML autocomplete tokens
 * (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#autofill-field),
 * so the autofill classifier maps a form field to a profile value without a translation table.
 */

/** The form's sections, in order; every token is in exactly one. */
export const PROFILE_GROUPS = {
  name: ['name', 'given-name', 'additional-name', 'family-name'],
  contact: ['email', 'tel'],
  address: [
    'address-line1',
    'address-line2',
    'address-line3',
    'address-level2',
    'address-level1',
    'postal-code',
    'country',
  ],
  other: ['organization', 'organization-title', 'bday', 'url'],
} as const;

/** One section of the form. */
export type ProfileGroup = keyof typeof PROFILE_GROUPS;

/** One structured profile field (an autocomplete token). */
export type ProfileToken = (typeof PROFILE_GROUPS)[ProfileGroup][number];

/** Every structured field a profile holds, in the order the Profile view shows them (its sections'). */
export const PROFILE_TOKENS: readonly ProfileToken[] = Object.values(PROFILE_GROUPS).flat();

/** A profile's structured values: several per token where forms need a choice (two emails). */
export type ProfileFields = Partial<Record<ProfileToken, string[]>>;

/** A free link ("LinkedIn", "GitHub", "Portfolio") with its address. */
export interface ProfileLink {
  label: string;
  url: string;
}

/**
 * Tokens the form offers several values for ("Add another email"), because forms ask for
 * one and people have a work and a personal one. Stored profiles may hold several values
 * of any token (an import may), but one address or birthday is what people have.
 */
export const REPEATABLE_TOKENS: readonly ProfileToken[] = ['email', 'tel', 'url'];

/** Whether `value` names a profile field (an import's keys are checked with this). */
export function isProfileToken(value: string): value is ProfileToken {
  return (PROFILE_TOKENS as readonly string[]).includes(value);
}
