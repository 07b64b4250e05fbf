/**
 * Where a problem with a profile is, and what it is. A key names one input of the form
 * (one value of one field, one part of one link), so a message sits next to the text it
 * is about; the view uses the same keys for its element ids.
 */
import type { ProfileToken } from './fields';

/** One input of the profile form. */
export type ProblemKey =
  'profile-name' | 'about' | `${ProfileToken}-${number}` | `link-${number}-label` | `link-${number}-url`;

/** The key of value `index` of a field. */
export function fieldKey(token: ProfileToken, index: number): ProblemKey {
  return `${token}-${index}`;
}

/** The key of one part of link `index`. */
export function linkKey(index: number, part: 'label' | 'url'): ProblemKey {
  return `link-${index}-${part}`;
}

export interface ProfileProblem {
  message: string;
  /** A refused secret (card number, password…) rather than a typo: the view announces it at once. */
  secret: boolean;
}

/** Every problem of a profile by input; empty when it can be saved. */
export type ProfileProblems = Partial<Record<ProblemKey, ProfileProblem>>;

/** Whether there is any problem. */
export function hasProblems(problems: ProfileProblems): boolean {
  return Object.keys(problems).length > 0;
}

/** Thrown when a profile is not saved; `problems` says why, by input, for the form to show. */
export class ProfileError extends Error {
  override name = 'ProfileError';

  /** `message` defaults to the first problem's. */
  constructor(
    readonly problems: ProfileProblems,
    message?: string,
  ) {
    super(message ?? Object.values(problems)[0]?.message ?? '');
  }
}
