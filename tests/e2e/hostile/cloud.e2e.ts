/**
 * Issue 14, hostile page: a page that plants its own placeholders, markup-looking text
 * and a delimiter break where a cloud request will carry them. The consent sheet shows
 * it all as text, the user's values still never leave, and the restore puts the user's
 * values only where Edgewise put placeholders, never where the page wrote its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCloud } from '../../cloud/server.mjs';
import type { CloudServer } from '../../cloud/server.d.mts';
import { ECHO_MODEL, ask, configure, ensureModel, focusTab, startSession, type Session } from '../harness';
import { putProfiles } from '../harness/autofill';
import { decide, readConsentSheet, setUpProvider } from '../harness/cloud';
import { PERSONAL } from '../harness/profiles';

let cloud: CloudServer;
let session: Session;
let panel: Page;

beforeAll(async () => {
  cloud = await startCloud({ answerChars: 2000 });
  session = await startSession();
  await configure(session.browser, { modelId: ECHO_MODEL });
  await ensureModel(session.browser, ECHO_MODEL);
  await putProfiles(session.browser, [PERSONAL]);
  panel = await session.browser.openExtensionPage('/sidepanel.html');
  await setUpProvider(panel, { name: 'Test cloud', baseUrl: `${cloud.url}/v1/`, model: 'test-model' });
  const page = await session.openPage('/hostile/cloud-placeholders.html');
  await focusTab(session.browser, panel, page);
});
afterAll(async () => {
  await session?.close();
  await cloud?.close();
});

test('planted placeholders and markup stay the page’s text, in the sheet, the request and the answer', async () => {
  await ask(panel, 'Summarise this for ada@example.com, please.');
  await panel.getByTestId('message-assistant').last().getByTestId('ask-cloud').click();
  const sheet = await readConsentSheet(panel);
  const sent = sheet.messages.join('\n');
  // Shown as text: no element of the page's markup exists in the sheet.
  expect(await panel.getByTestId('consent-sheet').locator('img, script, iframe').count()).toBe(0);
  expect(sent).toContain('<img src=x onerror=');
  // The page's own "[EMAIL_1]" is left alone; ours are numbered after it, and marked.
  expect(sent).toContain('write to [EMAIL_1] or [NAME_1]');
  expect(sheet.marks).not.toContain('[EMAIL_1]');
  expect(sheet.marks).toEqual(expect.arrayContaining(['[EMAIL_2]', '[EMAIL_3]']));
  expect(sent).not.toContain('press@harbour.example');
  expect(sent).not.toContain('ada@example.com');

  await decide(panel, 'Send once');
  const answer = panel.locator(
    '[data-testid="message-assistant"][data-status="complete"]:last-child:has([data-testid="ran-on"][data-kind="cloud"])',
  );
  await answer.waitFor({ timeout: 60_000 });
  const body = cloud.requests.at(-1)!.body;
  expect(body).not.toContain('ada@example.com');
  const text = await answer.getByTestId('answer-text').innerText();
  // The echoed reply: the page's placeholders as the page wrote them, the user's value restored.
  expect(text).toContain('write to [EMAIL_1] or [NAME_1]');
  expect(text).toContain('ada@example.com');
  expect(text).toContain('press@harbour.example');
  // Model output is untrusted: the markup it echoes is text, never an element.
  expect(await answer.locator('img, script, iframe').count()).toBe(0);
});
