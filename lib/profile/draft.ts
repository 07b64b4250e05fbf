/**
 * A profile being edited: exactly what the user typed, blanks and spaces included, so the
 * text survives a failed save untouched. The edits are pure functions, each returning a
 * new draft, so the panel's state changes only by replacement.
 */
import type { ProfileRecord } from '@/lib/store';
import { PROFILE_TOKENS, type ProfileFields, type ProfileLink, type ProfileToken } from './fields';

/** A profile as the form holds it; {@link cleanDraft} makes it storable. */
export interface ProfileDraft {
  name: string;
  isDefault: boolean;
  fields: ProfileFields;
  links: ProfileLink[];
  about: string;
}

/** An empty profile, as "New profile" starts it. */
export function emptyDraft(): ProfileDraft {
  return { name: '', isDefault: false, fields: {}, links: [], about: '' };
}

/** A stored profile as a draft (a deep copy: editing it never touches the record). */
export function draftOf(profile: ProfileRecord): ProfileDraft {
  const fields: ProfileFields = {};
  for (const token of PROFILE_TOKENS) {
    const values = profile.fields[token];
    if (values) fields[token] = [...values];
  }
  return {
    name: profile.name,
    isDefault: profile.isDefault,
    fields,
    links: profile.links.map(({ label, url }) => ({ label, url })),
    about: profile.about,
  };
}

/**
 * What is stored of a draft: values trimmed, blank values, tokens and links dropped, the
 * rest as typed. Validation reads the draft itself (by index), so its messages point at
 * the field the user sees, and only a valid draft is ever cleaned and saved.
 */
export function cleanDraft(draft: ProfileDraft): ProfileDraft {
  const fields: ProfileFields = {};
  for (const token of PROFILE_TOKENS) {
    const values = (draft.fields[token] ?? []).map((value) => value.trim()).filter(Boolean);
    if (values.length > 0) fields[token] = values;
  }
  return {
    name: draft.name.trim(),
    isDefault: draft.isDefault,
    fields,
    links: draft.links
      .map((link) => ({ label: link.label.trim(), url: link.url.trim() }))
      .filter((link) => link.label || link.url),
    about: draft.about.trim(),
  };
}

/** The values the form shows for a field: at least one input, empty for a field never filled. */
export function formValues(draft: ProfileDraft, token: ProfileToken): string[] {
  const values = draft.fields[token] ?? [];
  return values.length > 0 ? values : [''];
}

const withValues = (draft: ProfileDraft, token: ProfileToken, values: string[]): ProfileDraft => ({
  ...draft,
  fields: { ...draft.fields, [token]: values },
});

/** The draft with value `index` of `token` set to `value` (inputs before it filled with blanks). */
export function withValue(draft: ProfileDraft, token: ProfileToken, index: number, value: string): ProfileDraft {
  const values = formValues(draft, token);
  const length = Math.max(values.length, index + 1);
  return withValues(
    draft,
    token,
    Array.from({ length }, (_, i) => (i === index ? value : (values[i] ?? ''))),
  );
}

/** The draft with one more, empty, input for `token` ("Add another email"). */
export function withValueAdded(draft: ProfileDraft, token: ProfileToken): ProfileDraft {
  return withValues(draft, token, [...formValues(draft, token), '']);
}

/** The draft without value `index` of `token`. */
export function withValueRemoved(draft: ProfileDraft, token: ProfileToken, index: number): ProfileDraft {
  return withValues(
    draft,
    token,
    formValues(draft, token).filter((_, i) => i !== index),
  );
}

/** The draft with one part of link `index` set to `text`. */
export function withLink(draft: ProfileDraft, index: number, part: keyof ProfileLink, text: string): ProfileDraft {
  return { ...draft, links: draft.links.map((link, i) => (i === index ? { ...link, [part]: text } : link)) };
}
