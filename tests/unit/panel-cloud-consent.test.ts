/** Issue 14: the consent sheet's service: what it shows, what each choice does, and what is then sent. */
import { beforeEach, describe, expect, test } from 'vitest';
// First: Dexie looks for IndexedDB when it loads.
import { freshDatabase } from './helpers/database';
import { CloudConsent } from '@/lib/panel';
import { saveProfile } from '@/lib/profile';
import { loadSettings, saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';

let db: EdgewiseDatabase;
let consent: CloudConsent;
beforeEach(async () => {
  db = freshDatabase();
  consent = new CloudConsent({ db });
  await saveSettings(db, {
    cloudName: 'Test cloud',
    cloudBaseUrl: 'https://api.example/v1/',
    cloudModel: 'test-model',
  });
  await saveProfile(db, { name: 'Personal', fields: { name: ['Ada Lovelace'] }, links: [], about: '' });
});

const MESSAGES = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Ada Lovelace asks: mail ada@example.org?' },
];

function agree(consentKind: 'ask' | 'rule' = 'ask', signal = new AbortController().signal) {
  return consent.agree({
    feature: 'chat',
    site: 'example.com',
    messages: MESSAGES,
    maxNewTokens: 64,
    consent: consentKind,
    signal,
  });
}

/** Waits until the sheet is shown. */
async function shown() {
  for (let i = 0; i < 50 && !consent.state.value.pending; i++) await new Promise((r) => setTimeout(r, 5));
  return consent.state.value.pending!;
}

describe('CloudConsent', () => {
  test('the sheet shows the provider, the exact redacted text with marks, and a token estimate; Send once sends that text', async () => {
    const agreed = agree();
    const sheet = await shown();
    expect(sheet.provider).toEqual({ name: 'Test cloud', baseUrl: 'https://api.example/v1/', model: 'test-model' });
    expect(sheet.messages[1]!.content).toBe('[NAME_1] asks: mail [EMAIL_1]?');
    expect(sheet.messages[1]!.marks).toHaveLength(2);
    expect(sheet.redactions.map((r) => r.value)).toEqual(['Ada Lovelace', 'ada@example.org']);
    expect(sheet.tokens).toBeGreaterThan(20);
    consent.decide(sheet.id, 'once');
    const result = (await agreed)!;
    expect(result.messages.map((m) => m.content)).toEqual(sheet.messages.map((m) => m.content));
    expect(result.route.redactions).toEqual(sheet.redactions);
    expect(consent.state.value.pending).toBeNull();
    expect((await loadSettings(db)).cloudRules).toEqual([]);
  });

  test('Always for this feature on this site saves the rule', async () => {
    const agreed = agree();
    consent.decide((await shown()).id, 'always');
    expect(await agreed).not.toBeNull();
    expect((await loadSettings(db)).cloudRules).toEqual([{ feature: 'chat', site: 'example.com' }]);
  });

  test('Cancel, a stop, a stale id and a newer request', async () => {
    const first = agree();
    const sheet = await shown();
    consent.decide(sheet.id + 99, 'once');
    expect(consent.state.value.pending).not.toBeNull();
    consent.decide(sheet.id, 'cancel');
    expect(await first).toBeNull();

    const abort = new AbortController();
    const stopped = agree('ask', abort.signal);
    await shown();
    abort.abort();
    expect(await stopped).toBeNull();
    expect(consent.state.value.pending).toBeNull();

    const older = agree();
    await shown();
    const newer = agree();
    expect(await older).toBeNull();
    consent.decide((await shown()).id, 'once');
    expect(await newer).not.toBeNull();
  });

  test('a rule shows no sheet but still redacts', async () => {
    const result = (await agree('rule'))!;
    expect(consent.state.value.pending).toBeNull();
    expect(result.messages[1]!.content).toBe('[NAME_1] asks: mail [EMAIL_1]?');
  });

  test('with redaction off, the text goes as written and the sheet says so', async () => {
    await saveSettings(db, { cloudRedact: false });
    const agreed = agree();
    const sheet = await shown();
    expect(sheet.redacted).toBe(false);
    expect(sheet.messages[1]!.content).toBe(MESSAGES[1]!.content);
    consent.decide(sheet.id, 'once');
    expect((await agreed)!.route.redactions).toEqual([]);
  });
});
