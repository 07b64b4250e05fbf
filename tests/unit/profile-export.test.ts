/** Profiles out to a file and back: an exact round trip, and strict, clear refusals that store nothing. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  checkProfiles,
  emptyDraft,
  importProfiles,
  listProfiles,
  profilesForExport,
  saveProfile,
  type ProfileInput,
} from '@/lib/profile';
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const input = (name: string, change: Partial<ProfileInput> = {}): ProfileInput => ({
  ...emptyDraft(),
  name,
  ...change,
});

async function twoProfiles(db: EdgewiseDatabase): Promise<ProfileRecord[]> {
  await saveProfile(
    db,
    input('Personal', {
      fields: {
        name: ['Ada Lovelace'],
        email: ['ada@example.com', 'ada@home.example'],
        tel: ['+44 20 7946 0958'],
        country: ['GB'],
        'postal-code': ['SW1A 1AA'],
        bday: ['1990-05-17'],
      },
      links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
      about: 'Skills: TypeScript, mathematics.\nPrefers short answers.',
    }),
    { now: new Date(2025, 0, 1) },
  );
  await saveProfile(db, input('Work', { fields: { organization: ['Acme'] } }), { now: new Date(2025, 0, 2) });
  return profilesForExport(db);
}

/** A JSON round trip, as a file is. */
const throughFile = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('round trip', () => {
  test('exported profiles import into an empty database exactly', async () => {
    const exported = await twoProfiles(freshDatabase());
    const db = freshDatabase();
    expect(await importProfiles(db, checkProfiles(throughFile(exported)))).toEqual({
      added: 2,
      renamed: 0,
      unchanged: 0,
    });
    expect(await listProfiles(db)).toEqual(exported);
  });

  test('importing the same backup again adds nothing; a changed copy is added under a new name and id', async () => {
    const db = freshDatabase();
    const exported = await twoProfiles(db);
    expect(await importProfiles(db, checkProfiles(throughFile(exported)))).toEqual({
      added: 0,
      renamed: 0,
      unchanged: 2,
    });
    const changed = throughFile([{ ...exported[1], about: 'Now at Globex.' }]);
    expect(await importProfiles(db, checkProfiles(changed))).toEqual({ added: 1, renamed: 1, unchanged: 0 });
    const stored = await listProfiles(db);
    expect(stored.map((profile) => [profile.name, profile.isDefault])).toEqual([
      ['Personal', true],
      ['Work', false],
      ['Work (imported)', false],
    ]);
    expect(new Set(stored.map((profile) => profile.id)).size).toBe(3);
    // The stored Work is as it was: an import never overwrites.
    expect(stored[1]).toEqual(exported[1]);
  });

  test('a clashing name is renamed, numbered when needed; an imported default does not replace the one here', async () => {
    const db = freshDatabase();
    await saveProfile(db, input('Work'));
    await saveProfile(db, input('Work (imported)'));
    const file = [{ ...(await twoProfiles(freshDatabase()))[1]!, id: 'other', isDefault: true }];
    expect(await importProfiles(db, checkProfiles(throughFile(file)))).toMatchObject({ added: 1, renamed: 1 });
    const stored = await listProfiles(db);
    expect(stored.map((profile) => profile.name)).toContain('Work (imported 2)');
    expect(stored.filter((profile) => profile.isDefault).map((profile) => profile.name)).toEqual(['Work']);
  });
});

describe('refusals', () => {
  const valid = async () => throughFile(await twoProfiles(freshDatabase())) as Record<string, unknown>[];

  test.each([
    ['not a list', () => ({ profiles: [] }), 'The profiles must be a list.'],
    [
      'an unknown key',
      (p: Record<string, unknown>[]) => [{ ...p[0], password: 'x' }],
      'Profile 1 (“Personal”): unexpected field "password".',
    ],
    [
      'an unknown field token',
      (p: Record<string, unknown>[]) => [{ ...p[0], fields: { 'cc-number': ['4111'] } }],
      'Profile 1 (“Personal”): unexpected field "cc-number".',
    ],
    [
      'a value that is not a list of text',
      (p: Record<string, unknown>[]) => [{ ...p[0], fields: { email: 'ada@example.com' } }],
      'Profile 1 (“Personal”): email must be a list of text.',
    ],
    [
      'a default that is not a boolean',
      (p: Record<string, unknown>[]) => [{ ...p[0], isDefault: 'yes' }],
      'Profile 1 (“Personal”): isDefault must be true or false.',
    ],
    [
      'a missing id',
      (p: Record<string, unknown>[]) => [{ ...p[0], id: undefined }],
      'Profile 1 (“Personal”): id must be text of 1 to 200 characters.',
    ],
    [
      'a bad time',
      (p: Record<string, unknown>[]) => [{ ...p[0], updatedAt: -1 }],
      'Profile 1 (“Personal”): updatedAt must be a number of 0 or more.',
    ],
    [
      'a link with an extra key',
      (p: Record<string, unknown>[]) => [{ ...p[0], links: [{ label: 'A', url: 'https://a.example', icon: 'x' }] }],
      'Profile 1 (“Personal”), link 1: unexpected field "icon".',
    ],
    [
      'a bad email',
      (p: Record<string, unknown>[]) => [p[0], { ...p[1], fields: { email: ['ok@example.com', 'ada@example'] } }],
      'Profile 2 (“Work”), Email 2: After the @ comes a domain with a dot, like example.com.',
    ],
    [
      'a postal code of the wrong country',
      (p: Record<string, unknown>[]) => [{ ...p[0], fields: { country: ['DE'], 'postal-code': ['SW1A 1AA'] } }],
      'Profile 1 (“Personal”), Postal code: This is not a postal code of Germany, where they look like 10115.',
    ],
    [
      'a country name instead of a code',
      (p: Record<string, unknown>[]) => [{ ...p[0], fields: { country: ['Germany'] } }],
      'Profile 1 (“Personal”), Country: Choose a country from the list (stored as a two-letter code, such as US or DE).',
    ],
    [
      'a card number in About me',
      (p: Record<string, unknown>[]) => [{ ...p[0], about: 'Visa 4111 1111 1111 1111' }],
      /^Profile 1 \(“Personal”\), About me: This looks like a payment card number\./,
    ],
    [
      'a plain http link',
      (p: Record<string, unknown>[]) => [{ ...p[0], links: [{ label: 'Blog', url: 'http://ada.example' }] }],
      'Profile 1 (“Personal”), Link 1, address: A link starts with https://, like https://github.com/your-name.',
    ],
    [
      'two profiles of one name',
      (p: Record<string, unknown>[]) => [p[0], { ...p[1], name: 'personal' }],
      'Profile 2 (“personal”), Profile name: There is already a profile called “personal”. Choose another name.',
    ],
    [
      'a nameless profile',
      (p: Record<string, unknown>[]) => [{ ...p[0], name: ' ' }],
      'Profile 1, Profile name: Give this profile a name, like Personal or Work.',
    ],
    [
      'the same id twice',
      (p: Record<string, unknown>[]) => [p[0], { ...p[1], id: p[0]!.id }],
      'Profile 2 has the same id as profile 1.',
    ],
    [
      'two defaults',
      (p: Record<string, unknown>[]) => [p[0], { ...p[1], isDefault: true }],
      'Profiles 1 and 2 are both marked as the default; only one can be.',
    ],
  ])('%s', async (_, change, message) => {
    const profiles = await valid();
    expect(() => checkProfiles(change(profiles))).toThrow(message);
  });

  test('a refused file stores nothing, even after good profiles in it', async () => {
    const profiles = await valid();
    const db = freshDatabase();
    const file = [profiles[1], { ...profiles[0], fields: { tel: ['12'] } }];
    const run = async () => importProfiles(db, checkProfiles(file));
    await expect(run()).rejects.toThrow(
      'Profile 2 (“Personal”), Phone: This has 2 digits; a phone number has at least 7.',
    );
    expect(await db.profiles.count()).toBe(0);
  });
});
