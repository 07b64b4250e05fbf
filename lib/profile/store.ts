/**
 * Profiles in the extension's IndexedDB, which no page and no content script can open:
 * profile values leave it only when the user picks one in a form.
 *
 * Exactly one profile is the default whenever there is any: the first one saved becomes
 * it, making another the default un-defaults the old one, and deleting the default makes
 * the oldest remaining profile the default. Every write checks and keeps this inside one
 * transaction, so two panels saving at once cannot leave two defaults or none.
 */
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';
import { i18n } from '@/lib/i18n';
import { cleanDraft, type ProfileDraft } from './draft';
import { ProfileError, hasProblems } from './problems';
import { profileProblems } from './validate';

/** A profile to save: a new one without `id`, an edit of a stored one with its `id`; `isDefault` is false if left out. */
export type ProfileInput = Omit<ProfileDraft, 'isDefault'> & { id?: string; isDefault?: boolean };

/** Oldest first (the order the picker shows), by name when two were made in the same instant. */
export function sortProfiles(profiles: ProfileRecord[]): ProfileRecord[] {
  return [...profiles].sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** Every profile, oldest first. */
export async function listProfiles(db: EdgewiseDatabase): Promise<ProfileRecord[]> {
  return sortProfiles(await db.profiles.toArray());
}

/** The default profile (the one forms are offered first), or undefined when there is none. */
export async function getDefaultProfile(db: EdgewiseDatabase): Promise<ProfileRecord | undefined> {
  return (await listProfiles(db)).find((profile) => profile.isDefault);
}

/**
 * Makes `keep` the default (or, without it, keeps the current default, else the oldest)
 * and every other profile not. Call inside a transaction on `db.profiles`.
 */
export async function settleDefault(db: EdgewiseDatabase, keep?: string): Promise<void> {
  const all = await listProfiles(db);
  const chosen = all.find((p) => p.id === keep) ?? all.find((p) => p.isDefault) ?? all[0];
  const changed = all
    .filter((profile) => profile.isDefault !== (profile.id === chosen?.id))
    .map((profile) => ({ ...profile, isDefault: profile.id === chosen?.id }));
  if (changed.length > 0) await db.profiles.bulkPut(changed);
}

/**
 * Validates, refuses secrets, and stores a profile; returns what was stored (values
 * trimmed, blanks dropped). `isDefault: true` makes it the default; a default stays the
 * default until another is made it, as there must always be one.
 * @throws {ProfileError} with the problems by input; nothing is written then.
 */
export async function saveProfile(
  db: EdgewiseDatabase,
  input: ProfileInput,
  { now = new Date() }: { now?: Date } = {},
): Promise<ProfileRecord> {
  return db.transaction('rw', db.profiles, async () => {
    const all = await db.profiles.toArray();
    const existing = input.id === undefined ? undefined : all.find((profile) => profile.id === input.id);
    if (input.id !== undefined && !existing) throw new ProfileError({}, i18n.t('profileErrors.notFound'));
    const others = all.filter((profile) => profile.id !== input.id);
    const draft: ProfileDraft = { ...input, isDefault: input.isDefault ?? false };
    const problems = profileProblems(draft, { takenNames: others.map((profile) => profile.name), now });
    if (hasProblems(problems)) throw new ProfileError(problems);
    const clean = cleanDraft(draft);
    const record: ProfileRecord = {
      id: existing?.id ?? crypto.randomUUID(),
      name: clean.name,
      isDefault: clean.isDefault || existing?.isDefault === true || others.length === 0,
      fields: clean.fields,
      links: clean.links,
      about: clean.about,
      createdAt: existing?.createdAt ?? now.getTime(),
      updatedAt: now.getTime(),
    };
    await db.profiles.put(record);
    await settleDefault(db, record.isDefault ? record.id : undefined);
    return record;
  });
}

/** Makes a stored profile the default (and the others not). */
export async function setDefaultProfile(db: EdgewiseDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.profiles, async () => {
    if (!(await db.profiles.get(id))) throw new ProfileError({}, i18n.t('profileErrors.notFound'));
    await settleDefault(db, id);
  });
}

/** Deletes a profile; when it was the default, the oldest remaining profile becomes the default. */
export async function deleteProfile(db: EdgewiseDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.profiles, async () => {
    await db.profiles.delete(id);
    await settleDefault(db);
  });
}
