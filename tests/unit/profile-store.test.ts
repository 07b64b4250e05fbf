/** Stored profiles: always exactly one default, edits in place, and a refused save writes nothing. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  ProfileError,
  deleteProfile,
  emptyDraft,
  getDefaultProfile,
  listProfiles,
  saveProfile,
  setDefaultProfile,
  type ProfileInput,
} from '@/lib/profile';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const at = (minute: number) => ({ now: new Date(2025, 0, 1, 12, minute) });
const input = (name: string, change: Partial<ProfileInput> = {}): ProfileInput => ({
  ...emptyDraft(),
  name,
  ...change,
});
const defaults = async (db: EdgewiseDatabase) =>
  (await listProfiles(db)).filter((profile) => profile.isDefault).map((profile) => profile.name);

describe('the default profile', () => {
  test('the first profile becomes the default; later ones do not', async () => {
    const db = freshDatabase();
    const personal = await saveProfile(db, input('Personal'), at(1));
    expect(personal.isDefault).toBe(true);
    const work = await saveProfile(db, input('Work'), at(2));
    expect(work.isDefault).toBe(false);
    expect((await getDefaultProfile(db))?.name).toBe('Personal');
    expect((await listProfiles(db)).map((profile) => profile.name)).toEqual(['Personal', 'Work']);
  });

  test('making one the default un-defaults the others, by save or by setDefaultProfile', async () => {
    const db = freshDatabase();
    await saveProfile(db, input('Personal'), at(1));
    const work = await saveProfile(db, input('Work', { isDefault: true }), at(2));
    expect(await defaults(db)).toEqual(['Work']);
    const school = await saveProfile(db, input('School'), at(3));
    await setDefaultProfile(db, school.id);
    expect(await defaults(db)).toEqual(['School']);
    // A default cannot be switched off by itself: there must always be one.
    await saveProfile(db, { ...input('School', { isDefault: false }), id: school.id }, at(4));
    expect(await defaults(db)).toEqual(['School']);
    await setDefaultProfile(db, work.id);
    expect(await defaults(db)).toEqual(['Work']);
  });

  test('deleting the default makes the oldest remaining one the default', async () => {
    const db = freshDatabase();
    await saveProfile(db, input('Personal'), at(1));
    await saveProfile(db, input('Work'), at(2));
    const school = await saveProfile(db, input('School', { isDefault: true }), at(3));
    await deleteProfile(db, school.id);
    expect(await defaults(db)).toEqual(['Personal']);
    const personal = (await getDefaultProfile(db))!;
    await deleteProfile(db, personal.id);
    expect(await defaults(db)).toEqual(['Work']);
    await deleteProfile(db, (await getDefaultProfile(db))!.id);
    expect(await listProfiles(db)).toEqual([]);
    expect(await getDefaultProfile(db)).toBeUndefined();
  });

  test('deleting another profile leaves the default as it is', async () => {
    const db = freshDatabase();
    await saveProfile(db, input('Personal'), at(1));
    const work = await saveProfile(db, input('Work', { isDefault: true }), at(2));
    await deleteProfile(db, (await listProfiles(db))[0]!.id);
    expect(await defaults(db)).toEqual(['Work']);
    expect((await getDefaultProfile(db))?.id).toBe(work.id);
  });
});

describe('saving', () => {
  test('an edit keeps the id and createdAt, updates the rest, and stores values trimmed', async () => {
    const db = freshDatabase();
    const first = await saveProfile(db, input('Personal', { fields: { email: ['ada@example.com'] } }), at(1));
    const edited = await saveProfile(
      db,
      {
        ...input(' Personal ', { fields: { email: ['ada@example.com', ' ada@work.example '], tel: [''] } }),
        id: first.id,
        links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
        about: 'Skills: TypeScript.',
      },
      at(5),
    );
    expect(edited).toEqual({
      id: first.id,
      name: 'Personal',
      isDefault: true,
      fields: { email: ['ada@example.com', 'ada@work.example'] },
      links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
      about: 'Skills: TypeScript.',
      createdAt: first.createdAt,
      updatedAt: at(5).now.getTime(),
    });
    expect(await listProfiles(db)).toEqual([edited]);
  });

  test('a refused save stores nothing and says why, by field', async () => {
    const db = freshDatabase();
    const error = await saveProfile(
      db,
      input('Personal', { fields: { email: ['ada@example'] }, about: 'Card 4111 1111 1111 1111' }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileError);
    const problems = (error as ProfileError).problems;
    expect(problems['email-0']).toEqual({
      message: 'After the @ comes a domain with a dot, like example.com.',
      secret: false,
    });
    expect(problems.about?.secret).toBe(true);
    expect(await db.profiles.count()).toBe(0);
  });

  test('a refused edit keeps the stored profile as it was', async () => {
    const db = freshDatabase();
    const stored = await saveProfile(db, input('Personal', { fields: { tel: ['+44 20 7946 0958'] } }), at(1));
    await expect(
      saveProfile(db, { ...input('Personal', { fields: { tel: ['12'] } }), id: stored.id }, at(2)),
    ).rejects.toThrow('This has 2 digits; a phone number has at least 7.');
    expect(await listProfiles(db)).toEqual([stored]);
  });

  test('names are unique regardless of case; a profile may keep its own name', async () => {
    const db = freshDatabase();
    const personal = await saveProfile(db, input('Personal'), at(1));
    await expect(saveProfile(db, input('personal'), at(2))).rejects.toThrow(
      'There is already a profile called “personal”. Choose another name.',
    );
    await expect(saveProfile(db, { ...input('PERSONAL'), id: personal.id }, at(3))).resolves.toMatchObject({
      name: 'PERSONAL',
    });
    expect(await db.profiles.count()).toBe(1);
  });

  test('an edit of a profile deleted meanwhile is refused, not saved back', async () => {
    const db = freshDatabase();
    const personal = await saveProfile(db, input('Personal'), at(1));
    await deleteProfile(db, personal.id);
    await expect(saveProfile(db, { ...input('Personal'), id: personal.id })).rejects.toThrow(
      /This profile no longer exists/,
    );
    await expect(setDefaultProfile(db, personal.id)).rejects.toThrow(/no longer exists/);
    expect(await db.profiles.count()).toBe(0);
  });
});
