/**
 * Issue 13, the background's side of autofill: who is served, where the UI is injected, and
 * that profile values reach a page only in the `autofill/values` reply.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDatabase } from './helpers/database';
import { maskPreview } from '@/lib/autofill';
import {
  autofillPage,
  deliverOffer,
  handleAutofillRequest,
  suggestsOn,
  type AutofillApis,
  type AutofillDeps,
} from '@/lib/autofill-service';
import type { AutofillRequest, PortSender, SaveOffer, SubmittedValue } from '@/lib/messaging';
import { saveProfile } from '@/lib/profile';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';

const PAGE = 'https://www.shop.example/checkout';
const ORIGIN = 'https://www.shop.example';
const OTHER_PAGE = 'https://other.example/thanks';

/** One `scripting.executeScript` call, as the service makes it. */
interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
}

let db: EdgewiseDatabase;
let deps: AutofillDeps;
let injections: Injection[];
let failInjection: boolean;
let tabId: number;

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDatabase();
  injections = [];
  failInjection = false;
  const apis: AutofillApis = {
    runtime: fakeBrowser.runtime,
    tabs: fakeBrowser.tabs,
    storage: fakeBrowser.storage,
    scripting: {
      executeScript: async (injection: Injection) => {
        injections.push(injection);
        if (failInjection) throw new Error('Frame with ID 3 was removed.');
        return [];
      },
    },
  };
  deps = { apis, db };
  tabId = (await fakeBrowser.tabs.create({ url: PAGE })).id!;
});

/** A content script of this extension in frame `frameId` of the test tab. */
function from(frameId: number, url = PAGE, origin = new URL(url).origin): PortSender {
  return { id: fakeBrowser.runtime.id, url, origin, frameId, tab: { id: tabId } };
}

const top = () => from(0);

function ask<R extends AutofillRequest>(request: R, sender: PortSender = top()) {
  return handleAutofillRequest(request, sender, deps);
}

const START: AutofillRequest = { type: 'autofill/start' };

/** Two profiles with values and one without any the tests ask for; Home is the default though Work is older. */
async function profiles() {
  const work = await saveProfile(db, {
    name: 'Work',
    fields: { email: ['ada@work.example'] },
    links: [],
    about: '',
  });
  const home = await saveProfile(db, {
    name: 'Home',
    isDefault: true,
    fields: {
      'given-name': ['Ada'],
      'family-name': ['Lovelace'],
      email: ['ada@home.example'],
      tel: ['+1 (415) 555-0123'],
    },
    links: [],
    about: '',
  });
  const empty = await saveProfile(db, { name: 'Club', fields: { organization: ['Chess Club'] }, links: [], about: '' });
  return { work, home, empty };
}

describe('who is served', () => {
  test('a content script in the top frame', async () => {
    expect(await autofillPage(top(), deps.apis)).toEqual({ tabId, frameId: 0, topUrl: PAGE });
    expect(await ask(START)).toEqual({ ok: true });
  });

  test('a frame of the same origin as the tab', async () => {
    const frame = from(3, `${ORIGIN}/address-frame`);
    expect(await autofillPage(frame, deps.apis)).toEqual({ tabId, frameId: 3, topUrl: PAGE });
    expect(await ask(START, frame)).toEqual({ ok: true });
  });

  const refused: [string, () => PortSender | Promise<PortSender>][] = [
    ['a cross-origin frame', () => from(3, 'https://ads.example/widget')],
    ['a frame of a subdomain (another origin)', () => from(3, 'https://pay.shop.example/frame')],
    ['a sandboxed frame (opaque origin)', () => from(3, `${ORIGIN}/sandboxed`, 'null')],
    ['a sandboxed top frame', () => from(0, PAGE, 'null')],
    [
      'an extension page in a tab',
      () => ({
        id: fakeBrowser.runtime.id,
        url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html`,
        origin: `chrome-extension://${fakeBrowser.runtime.id}`,
        frameId: 0,
        tab: { id: tabId },
      }),
    ],
    ['another extension', () => ({ ...top(), id: 'another-extension-id' })],
    ['a sender without a tab', () => ({ id: fakeBrowser.runtime.id, url: PAGE, origin: ORIGIN, frameId: 0 })],
    ['a sender without a url', () => ({ id: fakeBrowser.runtime.id, origin: ORIGIN, frameId: 0, tab: { id: tabId } })],
    ['a frame with a non-http address', () => from(3, 'data:text/html,<form>', 'null')],
    [
      'a tab showing a non-http page',
      async () => {
        const tab = await fakeBrowser.tabs.create({ url: 'file:///home/ada/form.html' });
        return { id: fakeBrowser.runtime.id, url: PAGE, origin: ORIGIN, frameId: 3, tab: { id: tab.id } };
      },
    ],
    ['a tab that no longer exists', () => ({ ...top(), tab: { id: 999 } })],
  ];

  test.each(refused)('not %s', async (_name, sender) => {
    const who = await sender();
    expect(await autofillPage(who, deps.apis)).toBeNull();
    expect(await ask(START, who)).toBeNull();
    expect(await ask({ type: 'autofill/suggest', tokens: ['email'] }, who)).toBeNull();
    expect(await ask({ type: 'autofill/site-off' }, who)).toBeNull();
    expect(injections).toEqual([]);
    expect((await loadSettings(db)).autofillOffSites).toEqual([]);
  });
});

describe('autofill/start', () => {
  test('injects the UI into exactly the asking frame', async () => {
    await ask(START, from(3, `${ORIGIN}/frame`));
    expect(injections).toEqual([{ target: { tabId, frameIds: [3] }, files: ['/autofill.js'] }]);
  });

  test('the top frame gets frame 0 only', async () => {
    await ask(START);
    expect(injections).toEqual([{ target: { tabId, frameIds: [0] }, files: ['/autofill.js'] }]);
  });

  test('injects nothing when autofill is off', async () => {
    await saveSettings(db, { autofillEnabled: false });
    expect(await ask(START)).toEqual({ ok: false });
    expect(injections).toEqual([]);
  });

  test('injects nothing on a site that is turned off, or on its subdomains', async () => {
    await saveSettings(db, { autofillOffSites: ['shop.example'] });
    expect(await ask(START)).toEqual({ ok: false });
    const tab = await fakeBrowser.tabs.create({ url: 'https://checkout.shop.example/' });
    const sub = { ...from(0, 'https://checkout.shop.example/'), tab: { id: tab.id } };
    expect(await ask(START, sub)).toEqual({ ok: false });
    expect(injections).toEqual([]);
  });

  test('another site is still served when one is turned off', async () => {
    await saveSettings(db, { autofillOffSites: ['other.example'] });
    expect(await ask(START)).toEqual({ ok: true });
    expect(injections).toHaveLength(1);
  });

  test('a frame that went away answers ok: false', async () => {
    failInjection = true;
    expect(await ask(START)).toEqual({ ok: false });
  });
});

describe('autofill/suggest', () => {
  test('masked previews per profile, the default first, only profiles with a value', async () => {
    const { work, home } = await profiles();
    const reply = await ask({ type: 'autofill/suggest', tokens: ['given-name', 'email', 'tel-area-code'] });
    expect(reply).toStrictEqual({
      on: true,
      profiles: [
        {
          profileId: home.id,
          profileName: 'Home',
          isDefault: true,
          previews: {
            'given-name': maskPreview('Ada'),
            email: maskPreview('ada@home.example'),
            'tel-area-code': maskPreview('415'),
          },
        },
        {
          profileId: work.id,
          profileName: 'Work',
          isDefault: false,
          previews: { email: maskPreview('ada@work.example') },
        },
      ],
    });
  });

  test('no raw value appears anywhere in the reply', async () => {
    await profiles();
    const reply = await ask({
      type: 'autofill/suggest',
      tokens: ['given-name', 'family-name', 'email', 'tel', 'name'],
    });
    const json = JSON.stringify(reply);
    for (const raw of ['Ada', 'Lovelace', 'ada@home.example', 'ada@work.example', '415', '555', '0123', 'home.example'])
      expect(json).not.toContain(raw);
    expect(json).toContain('•');
  });

  test.each([
    ['the site is turned off', { autofillOffSites: ['shop.example'] }],
    ['the switch is off', { autofillEnabled: false }],
  ])('on: false and nothing suggested when %s', async (_name, off) => {
    await profiles();
    const request: AutofillRequest = { type: 'autofill/suggest', tokens: ['email'] };
    expect(await ask(request)).toMatchObject({
      on: true,
      profiles: [{ profileName: 'Home' }, { profileName: 'Work' }],
    });
    await saveSettings(db, off);
    expect(await ask(request)).toStrictEqual({ on: false, profiles: [] });
  });

  test('no profile has a value for the tokens: no rows, but suggestions stay on', async () => {
    await profiles();
    expect(await ask({ type: 'autofill/suggest', tokens: ['bday', 'url'] })).toStrictEqual({ on: true, profiles: [] });
  });
});

describe('autofill/values', () => {
  test('the picked profile’s values, in the order asked, a split phone part for its maxLength', async () => {
    const { home } = await profiles();
    const reply = await ask({
      type: 'autofill/values',
      profileId: home.id,
      fields: [
        { token: 'email' },
        { token: 'tel-area-code', maxLength: 3 },
        { token: 'tel-local', maxLength: 7 },
        { token: 'tel', maxLength: 12 },
        { token: 'given-name' },
        { token: 'organization' },
      ],
    });
    expect(reply).toEqual({ values: ['ada@home.example', '415', '5550123', '+14155550123', 'Ada', null] });
  });

  test('a value that does not fit maxLength is not cut', async () => {
    const { home } = await profiles();
    const reply = await ask({
      type: 'autofill/values',
      profileId: home.id,
      fields: [{ token: 'email', maxLength: 5 }],
    });
    expect(reply).toEqual({ values: [null] });
  });

  test('an unknown profile id gets nulls', async () => {
    await profiles();
    const reply = await ask({
      type: 'autofill/values',
      profileId: 'nobody',
      fields: [{ token: 'email' }, { token: 'tel' }],
    });
    expect(reply).toEqual({ values: [null, null] });
  });

  test('nothing when suggestions are off on that site, or everywhere', async () => {
    const { home } = await profiles();
    const request: AutofillRequest = { type: 'autofill/values', profileId: home.id, fields: [{ token: 'email' }] };
    await saveSettings(db, { autofillOffSites: ['shop.example'] });
    expect(await ask(request)).toEqual({ values: [null] });
    await saveSettings(db, { autofillOffSites: [], autofillEnabled: false });
    expect(await ask(request)).toEqual({ values: [null] });
  });

  test('a cross-origin frame gets no reply at all', async () => {
    const { home } = await profiles();
    const request: AutofillRequest = { type: 'autofill/values', profileId: home.id, fields: [{ token: 'email' }] };
    expect(await ask(request, from(3, 'https://ads.example/widget'))).toBeNull();
  });
});

describe('autofill/site-off', () => {
  test('adds the tab’s site (its hostname without www.) to autofillOffSites', async () => {
    await saveSettings(db, { autofillOffSites: ['other.example'] });
    expect(await ask({ type: 'autofill/site-off' })).toEqual({ ok: true });
    expect((await loadSettings(db)).autofillOffSites).toEqual(['other.example', 'shop.example']);
    expect(await ask(START)).toEqual({ ok: false });
  });

  test('a same-origin frame turns off the top site, once', async () => {
    await ask({ type: 'autofill/site-off' }, from(3, `${ORIGIN}/frame`));
    await ask({ type: 'autofill/site-off' });
    expect((await loadSettings(db)).autofillOffSites).toEqual(['shop.example']);
  });

  // "[::1]" is no site the settings can hold: the request is still answered, never left pending.
  test('a page at an IPv6 address gets an answer, not a rejection', async () => {
    const url = 'http://[::1]:8080/form';
    const tab = await fakeBrowser.tabs.create({ url });
    const sender = { ...from(0, url), tab: { id: tab.id } };
    await expect(ask({ type: 'autofill/site-off' }, sender)).resolves.toEqual({ ok: false });
    expect((await loadSettings(db)).autofillOffSites).toEqual([]);
  });
});

describe('suggestsOn', () => {
  test('on by default, off with the switch or on a listed site and its subdomains', () => {
    expect(suggestsOn(DEFAULT_SETTINGS, PAGE)).toBe(true);
    expect(suggestsOn({ ...DEFAULT_SETTINGS, autofillEnabled: false }, PAGE)).toBe(false);
    const off = { ...DEFAULT_SETTINGS, autofillOffSites: ['shop.example'] };
    expect(suggestsOn(off, PAGE)).toBe(false);
    expect(suggestsOn(off, 'https://a.b.shop.example/')).toBe(false);
    expect(suggestsOn(off, 'https://myshop.example/')).toBe(true);
  });

  // "shop.example." is the same host as "shop.example" (the root's trailing dot).
  test('a site turned off stays off when its address is written with a trailing dot', () => {
    const off = { ...DEFAULT_SETTINGS, autofillOffSites: ['shop.example'] };
    expect(suggestsOn(off, 'https://shop.example./checkout')).toBe(false);
  });
});

describe('the save offer', () => {
  const EMAIL: SubmittedValue[] = [{ token: 'email', value: 'new@example.org' }];
  const sent: AutofillRequest = { type: 'autofill/submitted', values: EMAIL };
  /** The suggestions UI injected into the tab's top frame, as a delivered offer does. */
  const topInjection = (): Injection => ({ target: { tabId, frameIds: [0] }, files: ['/autofill.js'] });

  /** Sends a form from the top frame and returns the offer it held. */
  async function submit(values: SubmittedValue[] = EMAIL): Promise<SaveOffer> {
    const reply = await ask({ type: 'autofill/submitted', values });
    if (!reply?.offer) throw new Error('no offer was held');
    return reply.offer;
  }

  const navigate = (url: string) => fakeBrowser.tabs.update(tabId, { url });
  const offer = (sender: PortSender = top()) => ask({ type: 'autofill/offer' }, sender);
  const answer = (offerId: string, answer: 'save' | 'dismiss' | 'never') =>
    ask({ type: 'autofill/offer-answer', offerId, answer });

  test('a sent form’s new values are offered, then delivered once to the next page', async () => {
    const held = await submit();
    expect(held).toEqual({
      id: expect.any(String),
      profileName: 'Personal',
      isNewProfile: true,
      items: EMAIL,
    });
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([topInjection()]);
    await deliverOffer(tabId, deps);
    expect(injections).toHaveLength(1);
    expect(await offer()).toEqual({ offer: held });
    expect(await offer()).toEqual({ offer: null });
  });

  test('only the top frame is given the offer, not a same-origin frame', async () => {
    const held = await submit();
    await deliverOffer(tabId, deps);
    expect(await offer(from(3, `${ORIGIN}/frame`))).toEqual({ offer: null });
    // The frame's ask did not use it up.
    expect(await offer()).toEqual({ offer: held });
  });

  test('the offer is not delivered to a page of another site the tab went to', async () => {
    await submit();
    await navigate(OTHER_PAGE);
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([]);
    // Back on the form's site, it is still waiting.
    await navigate(PAGE);
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([topInjection()]);
  });

  test('a page of another site does not get the offer when it asks', async () => {
    const held = await submit();
    await deliverOffer(tabId, deps);
    await navigate(OTHER_PAGE);
    expect(await offer(from(0, OTHER_PAGE))).toEqual({ offer: null });
    await navigate(PAGE);
    expect(await offer()).toEqual({ offer: held });
  });

  test('the offer is not delivered to a page that is not a web address, even on the form’s host', async () => {
    await submit();
    await navigate('ftp://www.shop.example/receipt');
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([]);
    await navigate(PAGE);
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([topInjection()]);
  });

  test.each([
    ['the save offer is turned off', { autofillSaveOffer: false }, { autofillSaveOffer: true }],
    ['the site is turned off', { autofillOffSites: ['shop.example'] }, { autofillOffSites: [] }],
    ['suggestions are switched off', { autofillEnabled: false }, { autofillEnabled: true }],
  ])('a held offer is not delivered while %s', async (_name, off, on) => {
    await submit();
    await saveSettings(db, off);
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([]);
    // Turned back on, the same offer is delivered: it was there to deliver all along.
    await saveSettings(db, on);
    await deliverOffer(tabId, deps);
    expect(injections).toEqual([topInjection()]);
  });

  test.each([
    ['the save offer is turned off', { autofillSaveOffer: false }],
    ['the site is turned off', { autofillOffSites: ['shop.example'] }],
    ['suggestions are switched off', { autofillEnabled: false }],
  ])('a sent form is offered nothing, and nothing is held, when %s', async (_name, off) => {
    await saveSettings(db, off);
    expect(await ask(sent)).toEqual({ offer: null });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test.each([
    ['the save offer is turned off', { autofillSaveOffer: false }, { autofillSaveOffer: true }],
    ['the site is turned off', { autofillOffSites: ['shop.example'] }, { autofillOffSites: [] }],
    ['suggestions are switched off', { autofillEnabled: false }, { autofillEnabled: true }],
  ])('a delivered offer is not given to the page while %s', async (_name, off, on) => {
    const held = await submit();
    await deliverOffer(tabId, deps);
    await saveSettings(db, off);
    expect(await offer()).toEqual({ offer: null });
    await saveSettings(db, on);
    expect(await offer()).toEqual({ offer: held });
  });

  test('"save" for an offer a newer form replaced says so and saves nothing; the newer one saves', async () => {
    const older = await submit();
    const newer = await submit([{ token: 'given-name', value: 'Ada' }]);
    expect(await answer(older.id, 'save')).toEqual({
      ok: false,
      error: 'This offer is out of date (another form was sent since); nothing was saved.',
    });
    expect(await db.profiles.count()).toBe(0);
    expect(await answer(newer.id, 'save')).toEqual({ ok: true });
    const saved = await db.profiles.toArray();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.fields).toEqual({ 'given-name': ['Ada'] });
  });

  test('"never" turns the offer off and saves nothing', async () => {
    const held = await submit();
    expect(await answer(held.id, 'never')).toEqual({ ok: true });
    expect((await loadSettings(db)).autofillSaveOffer).toBe(false);
    expect(await db.profiles.count()).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
