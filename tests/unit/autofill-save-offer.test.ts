/** Issue 13, "Save to profile": which sent values are offered, how the offer is held, and what each answer saves. */
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDatabase } from './helpers/database';
import {
  OFFER_LIFETIME_MS,
  answerOffer,
  holdOffer,
  newValues,
  offerForNewPage,
  takeOffer,
} from '@/lib/autofill-service/save-offer';
import type { SaveOffer, SubmittedValue } from '@/lib/messaging';
import { listProfiles, saveProfile, type ProfileFields } from '@/lib/profile';
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';

const CARD = '4111 1111 1111 1111';
/** The sent form's site, and another one the tab may go to next. */
const SITE = 'shop.example';
const OTHER = 'other.example';
const STALE = 'This offer is out of date (another form was sent since); nothing was saved.';

/** A stored profile, as newValues reads it. */
function record(fields: ProfileFields, name = 'Home'): ProfileRecord {
  return { id: 'p1', name, isDefault: true, fields, links: [], about: '', createdAt: 1, updatedAt: 1 };
}

const v = (token: SubmittedValue['token'], value: string): SubmittedValue => ({ token, value });

describe('newValues', () => {
  test('only tokens a profile stores are offered', () => {
    const sent = [
      v('tel-area-code', '415'),
      v('username', 'ada'),
      v('street-address', '1 Main St'),
      v('country-name', 'Germany'),
      v('bday-day', '10'),
      v('email', 'ada@example.org'),
    ];
    expect(newValues(sent, undefined)).toEqual([v('email', 'ada@example.org')]);
  });

  test('one value per token: the first one the profile could store', () => {
    const sent = [v('given-name', 'Ada'), v('given-name', 'Grace'), v('email', 'not-an-email'), v('email', 'a@b.org')];
    expect(newValues(sent, undefined)).toEqual([v('given-name', 'Ada'), v('email', 'a@b.org')]);
  });

  test('values are trimmed; blank ones are not offered', () => {
    expect(newValues([v('organization', '  Engines Ltd '), v('family-name', '   ')], undefined)).toEqual([
      v('organization', 'Engines Ltd'),
    ]);
  });

  test('a value the profile holds, in another case, is not new', () => {
    const profile = record({ email: ['ada@example.org'], 'address-level2': ['London'] });
    expect(newValues([v('email', ' ADA@Example.ORG '), v('address-level2', 'lONDON')], profile)).toEqual([]);
  });

  test('phones are compared by their digits only', () => {
    const profile = record({ tel: ['+1 (415) 555-0123'] });
    expect(newValues([v('tel', '+1 415-555-0123')], profile)).toEqual([]);
    expect(newValues([v('tel', '+1 415 555 0199')], profile)).toEqual([v('tel', '+1 415 555 0199')]);
  });

  test('a country is offered only as an ISO code, upper-cased', () => {
    expect(newValues([v('country', ' de ')], undefined)).toEqual([v('country', 'DE')]);
    expect(newValues([v('country', 'Germany')], undefined)).toEqual([]);
    expect(newValues([v('country', 'XX')], undefined)).toEqual([]);
    expect(newValues([v('country', 'gb')], record({ country: ['GB'] }))).toEqual([]);
  });

  test('an invalid email, phone or website is not offered', () => {
    const sent = [v('email', 'ada@'), v('tel', '12345'), v('url', 'javascript:alert(1)')];
    expect(newValues(sent, undefined)).toEqual([]);
    expect(newValues(sent, record({}))).toEqual([]);
  });

  test('a card number typed into a name or company field is not offered', () => {
    expect(newValues([v('name', CARD), v('organization', `Card ${CARD}`)], undefined)).toEqual([]);
  });

  test('a repeatable token (email) is new beside the stored one, up to the profile limit of 5', () => {
    expect(newValues([v('email', 'b@work.example')], record({ email: ['a@home.example'] }))).toEqual([
      v('email', 'b@work.example'),
    ]);
    const five = ['1', '2', '3', '4', '5'].map((n) => `a${n}@home.example`);
    expect(newValues([v('email', 'b@work.example')], record({ email: five }))).toEqual([]);
  });

  test('a postal code is checked against the country sent after it', () => {
    const profile = record({ country: ['DE'], 'postal-code': ['10115'] });
    expect(newValues([v('country', 'GB'), v('postal-code', 'SW1A 1AA')], profile)).toEqual([
      v('country', 'GB'),
      v('postal-code', 'SW1A 1AA'),
    ]);
  });

  // A postal code sent before its country (the usual order in address forms) is checked against
  // the country sent with it, not the profile's old one.
  test('a postal code is checked against the country sent with it, wherever the country comes', () => {
    const profile = record({ country: ['DE'], 'postal-code': ['10115'] });
    expect(newValues([v('postal-code', 'SW1A 1AA'), v('country', 'GB')], profile)).toEqual([
      v('postal-code', 'SW1A 1AA'),
      v('country', 'GB'),
    ]);
  });

  test('a non-repeatable token with a different stored value is offered (as its replacement)', () => {
    const profile = record({ 'address-line1': ['1 Old Street'] });
    expect(newValues([v('address-line1', '2 New Street')], profile)).toEqual([v('address-line1', '2 New Street')]);
  });
});

describe('the held offer', () => {
  let db: EdgewiseDatabase;
  const storage = () => fakeBrowser.storage.session;
  const held = async () => storage().get(null);

  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDatabase();
  });

  test('nothing is held when nothing is new', async () => {
    await saveProfile(db, { name: 'Home', fields: { email: ['ada@example.org'] }, links: [], about: '' });
    expect(await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org'), v('name', CARD)])).toBeNull();
    expect(await held()).toEqual({});
  });

  test('the offer names the default profile and holds only the new values', async () => {
    await saveProfile(db, { name: 'Home', fields: { email: ['ada@example.org'] }, links: [], about: '' });
    const sent = [v('email', 'ada@example.org'), v('given-name', 'Ada'), v('name', CARD)];
    expect(await holdOffer(storage(), db, 1, SITE, sent)).toEqual({
      id: expect.any(String),
      profileName: 'Home',
      isNewProfile: false,
      items: [v('given-name', 'Ada')],
    });
    const stored = JSON.stringify(await held());
    expect(stored).toContain('Ada');
    expect(stored).not.toContain('4111');
    expect(stored).not.toContain('ada@example.org');
  });

  test('without any profile the offer is for a new one called "Personal"', async () => {
    expect(await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')])).toEqual({
      id: expect.any(String),
      profileName: 'Personal',
      isNewProfile: true,
      items: [v('email', 'ada@example.org')],
    });
  });

  test('each held offer has its own id; a newer one replaces the older in its tab', async () => {
    const older = await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')]);
    const newer = await holdOffer(storage(), db, 1, SITE, [v('given-name', 'Ada')]);
    expect(older?.id).toMatch(/\S/);
    expect(newer?.id).toMatch(/\S/);
    expect(newer?.id).not.toBe(older?.id);
    expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
    expect(await takeOffer(storage(), db, 1, SITE)).toEqual(newer);
  });

  test('it is taken only after offerForNewPage, and only once', async () => {
    const now = 1_000_000;
    const offer = await holdOffer(storage(), db, 7, SITE, [v('email', 'ada@example.org')], now);
    expect(await takeOffer(storage(), db, 7, SITE, now)).toBeNull();
    expect(await offerForNewPage(storage(), 7, SITE, now)).toBe(true);
    expect(await takeOffer(storage(), db, 7, SITE, now)).toEqual({
      id: offer?.id,
      profileName: 'Personal',
      isNewProfile: true,
      items: [v('email', 'ada@example.org')],
    });
    expect(await takeOffer(storage(), db, 7, SITE, now)).toBeNull();
    // The next page load does not get it again either.
    expect(await offerForNewPage(storage(), 7, SITE, now)).toBe(false);
    expect(await takeOffer(storage(), db, 7, SITE, now)).toBeNull();
  });

  test('an offer belongs to its tab', async () => {
    const offer = await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')]);
    expect(await offerForNewPage(storage(), 2, SITE)).toBe(false);
    expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
    expect(await takeOffer(storage(), db, 2, SITE)).toBeNull();
    expect(await takeOffer(storage(), db, 1, SITE)).toEqual(offer);
  });

  test('an offer belongs to the sent form’s site: another site’s page is not given it', async () => {
    const offer = await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')]);
    expect(await offerForNewPage(storage(), 1, OTHER)).toBe(false);
    // Refused for the other site, it still waits for its own.
    expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
    expect(await takeOffer(storage(), db, 1, OTHER)).toBeNull();
    expect(await takeOffer(storage(), db, 1, SITE)).toEqual(offer);
  });

  test('it is recomputed when taken: a value saved since is no longer offered', async () => {
    await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')]);
    await saveProfile(db, { name: 'Home', fields: { email: ['ada@example.org'] }, links: [], about: '' });
    expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
    expect(await takeOffer(storage(), db, 1, SITE)).toBeNull();
  });

  test('it lasts OFFER_LIFETIME_MS, then is dropped', async () => {
    const start = 5_000_000;
    await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')], start);
    expect(await offerForNewPage(storage(), 1, SITE, start + OFFER_LIFETIME_MS)).toBe(true);
    expect(await takeOffer(storage(), db, 1, SITE, start + OFFER_LIFETIME_MS + 1)).toBeNull();
    expect(await held()).toEqual({});
  });

  test('an expired offer is never delivered', async () => {
    const start = 5_000_000;
    await holdOffer(storage(), db, 1, SITE, [v('email', 'ada@example.org')], start);
    expect(await offerForNewPage(storage(), 1, SITE, start + OFFER_LIFETIME_MS + 1)).toBe(false);
    expect(await held()).toEqual({});
  });
});

describe('answerOffer', () => {
  let db: EdgewiseDatabase;
  const storage = () => fakeBrowser.storage.session;

  beforeEach(() => {
    fakeBrowser.reset();
    db = freshDatabase();
  });

  /** Holds an offer for `values` in tab 1, which must have something new. */
  async function hold(values: SubmittedValue[], now?: number): Promise<SaveOffer> {
    const offer = await holdOffer(storage(), db, 1, SITE, values, now);
    if (!offer) throw new Error('nothing new to offer');
    return offer;
  }

  test.each(['dismiss', 'never'] as const)('"%s" saves nothing and drops the offer', async (answer) => {
    const offer = await hold([v('email', 'ada@example.org')]);
    await answerOffer(storage(), db, 1, offer.id, answer);
    expect(await listProfiles(db)).toEqual([]);
    expect(await storage().get(null)).toEqual({});
  });

  test('"save" adds to the default profile: a repeatable token beside, another in place', async () => {
    await saveProfile(db, {
      name: 'Home',
      fields: { email: ['ada@home.example'], 'address-line1': ['1 Old Street'] },
      links: [],
      about: 'Notes.',
    });
    const work = await saveProfile(db, { name: 'Work', fields: { email: ['ada@work.example'] }, links: [], about: '' });
    const offer = await hold([
      v('email', 'ada@new.example'),
      v('address-line1', '2 New Street'),
      v('given-name', 'Ada'),
    ]);
    await answerOffer(storage(), db, 1, offer.id, 'save');

    const [home, other] = await listProfiles(db);
    expect(home).toMatchObject({
      name: 'Home',
      isDefault: true,
      about: 'Notes.',
      fields: {
        email: ['ada@home.example', 'ada@new.example'],
        'address-line1': ['2 New Street'],
        'given-name': ['Ada'],
      },
    });
    expect(other).toEqual(work);
    expect(await storage().get(null)).toEqual({});
  });

  test('"save" with no profile at all creates a default profile named "Personal"', async () => {
    const offer = await hold([v('email', 'ada@example.org'), v('country', 'fr')]);
    await answerOffer(storage(), db, 1, offer.id, 'save');
    const profiles = await listProfiles(db);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name: 'Personal',
      isDefault: true,
      fields: { email: ['ada@example.org'], country: ['FR'] },
    });
  });

  test('"save" saves only once: answering again says the offer is out of date and adds nothing', async () => {
    const offer = await hold([v('email', 'ada@example.org')]);
    await answerOffer(storage(), db, 1, offer.id, 'save');
    await expect(answerOffer(storage(), db, 1, offer.id, 'save')).rejects.toThrow(STALE);
    const profiles = await listProfiles(db);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.fields.email).toEqual(['ada@example.org']);
  });

  test('"save" after the offer expired, or with none held, throws and saves nothing', async () => {
    const start = 5_000_000;
    const offer = await hold([v('email', 'ada@example.org')], start);
    await expect(answerOffer(storage(), db, 1, offer.id, 'save', start + OFFER_LIFETIME_MS + 1)).rejects.toThrow(STALE);
    await expect(answerOffer(storage(), db, 2, offer.id, 'save')).rejects.toThrow(STALE);
    expect(await listProfiles(db)).toEqual([]);
  });

  test('"save" for an offer a newer form replaced throws, saves nothing, and leaves the newer one', async () => {
    const older = await hold([v('email', 'ada@example.org')]);
    const newer = await hold([v('given-name', 'Ada')]);
    await expect(answerOffer(storage(), db, 1, older.id, 'save')).rejects.toThrow(STALE);
    expect(await listProfiles(db)).toEqual([]);
    expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
    expect(await takeOffer(storage(), db, 1, SITE)).toEqual(newer);
    // The newer offer's own answer saves exactly its values.
    await answerOffer(storage(), db, 1, newer.id, 'save');
    const profiles = await listProfiles(db);
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.fields).toEqual({ 'given-name': ['Ada'] });
  });

  test.each(['dismiss', 'never'] as const)(
    '"%s" for an offer a newer form replaced leaves the newer one waiting',
    async (answer) => {
      const older = await hold([v('email', 'ada@example.org')]);
      const newer = await hold([v('given-name', 'Ada')]);
      await expect(answerOffer(storage(), db, 1, older.id, answer)).resolves.toBeUndefined();
      expect(await offerForNewPage(storage(), 1, SITE)).toBe(true);
      expect(await takeOffer(storage(), db, 1, SITE)).toEqual(newer);
      expect(await listProfiles(db)).toEqual([]);
    },
  );
});
