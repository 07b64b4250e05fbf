/**
 * Drafting a free-text answer and saving a sent form's new values (issue 13), in real
 * Chromium with the built extension and the tiny echo model, which copies its input: the
 * draft streams into the popup holding the question, the page and the About me notes, goes
 * into the field only on Insert, and lists its sources and where it ran. After a form is
 * sent, the next page offers to save what was new, and saves only on Save.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, configure, ensureModel, expectEchoed, readStore, startSession, type Session } from './harness';
import { clickRow, putProfiles, readPopup, waitForPopup, type TestProfile } from './harness/autofill';
import { PERSONAL } from './harness/profiles';

let session: Session;

beforeAll(async () => {
  session = await startSession();
  await configure(session.browser, { modelId: ECHO_MODEL });
  await ensureModel(session.browser, ECHO_MODEL);
  await putProfiles(session.browser, [{ ...PERSONAL, about: 'I keep tide tables.' }]);
});
afterAll(() => session?.close());

test('a draft streams from the question, the page and About me, and goes in only on Insert', async () => {
  // A short page: the echo model copies short prompts faithfully (tests/fixtures/tiny-model);
  // how a long page and long notes are cut to the window is unit-tested (autofill-draft-prompt).
  const page = await session.openPage('/forms/short-question.html');
  await page.focus('#q-why');
  await clickRow(page, 'Draft with Edgewise');
  const done = await waitForPopup(page, (p) => p.mode === 'draft' && p.rows.some((r) => r.text === 'Insert'), 60_000);
  const draft = done.draft ?? '';
  expectEchoed(draft, 'Why do you want to join us?');
  expectEchoed(draft, 'I keep tide tables.');
  expectEchoed(draft, 'We chart tides for ferries.');
  expect(done.sources).toEqual(['About me (Personal)', 'This page: Harbourline']);
  expect(done.ranOn).toMatch(new RegExp(`^On this device · WASM · ${ECHO_MODEL} · [\\d,]+ tok/s$`));
  expect(done.rows.map((r) => r.text)).toEqual(['Insert', 'Regenerate', 'Discard']);
  // Written, shown, and still not in the page.
  expect(await page.inputValue('#q-why')).toBe('');

  await clickRow(page, 'Insert');
  await expect.poll(() => page.inputValue('#q-why')).toBe(draft.trim());
  expect(await readPopup(page)).toBeNull();
  await page.close();
});

test('Discard leaves the field as it was', async () => {
  const page = await session.openPage('/forms/short-question.html');
  await page.locator('#q-why').pressSequentially('My own words.');
  await page.keyboard.press('Escape');
  await page.focus('#q-why');
  await page.keyboard.press('ArrowDown');
  await clickRow(page, 'Draft with Edgewise');
  // Once written: rows that change under the pointer start the 500 ms again, so a click on
  // Discard while the draft finishes could be (rightly) ignored.
  await waitForPopup(page, (p) => p.rows.some((r) => r.text === 'Regenerate'), 60_000);
  await clickRow(page, 'Discard');
  await expect.poll(() => readPopup(page)).toBeNull();
  expect(await page.inputValue('#q-why')).toBe('My own words.');
  await page.close();
});

/** Types into the sign-up form like a person and sends it to a new address. */
async function sendSignUp(page: Page, email: string): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('form')!.setAttribute('action', `/forms/signup.html?sent=${Date.now()}`);
  });
  await page.locator('#su-first').pressSequentially('Ada');
  await page.keyboard.press('Escape');
  await page.locator('#su-email').pressSequentially(email);
  await page.keyboard.press('Escape');
  await page.locator('#su-pass').pressSequentially('not saved');
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('after a form is sent, the next page offers to save only what is new, and saves only on Save', async () => {
  const stored = async () =>
    readStore<TestProfile>(await session.browser.openExtensionPage('/options.html'), 'profiles');
  const page = await session.openPage('/forms/signup.html');
  await sendSignUp(page, 'ada@newmail.example');
  const offer = await waitForPopup(page, (p) => p.mode === 'offer');
  expect(offer.title).toBe('Save to your Edgewise profile “Personal”?');
  // The new email only: the first name is already in the profile, and the password is never offered.
  expect(offer.items).toEqual(['Email', 'ada@newmail.example']);
  expect(offer.text).not.toContain('not saved');
  await clickRow(page, 'Not now');
  await expect.poll(() => readPopup(page)).toBeNull();
  expect((await stored())[0]!.fields.email).toEqual(['ada@example.com']);

  await sendSignUp(page, 'ada@newmail.example');
  await waitForPopup(page, (p) => p.mode === 'offer');
  await clickRow(page, 'Save');
  await waitForPopup(page, (p) => p.status === 'Saved to “Personal”.');
  await expect.poll(async () => (await stored())[0]!.fields.email).toEqual(['ada@example.com', 'ada@newmail.example']);
  await page.close();
});
