/**
 * Issue 14, in the built extension: a cloud provider the user chose (the local
 * OpenAI-compatible test server), under the network capture. Nothing goes without consent;
 * what goes is exactly what the consent sheet showed, redacted; the answer is restored
 * here; rules, the egress log, failures with a local retry, and where the key lives.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { startCloud } from '../cloud/server.mjs';
import type { CloudServer } from '../cloud/server.d.mts';
import {
  ECHO_MODEL,
  ask,
  configure,
  ensureModel,
  focusTab,
  seriousViolations,
  showView,
  startSession,
  type Session,
} from './harness';
import { putProfiles } from './harness/autofill';
import { decide, readConsentSheet, sentRows, setUpProvider } from './harness/cloud';
import { readStore, storageAreasJson } from './harness/inspect';
import { captureNetwork, debuggingPort, type NetworkCapture } from './harness/network-capture';
import { PERSONAL } from './harness/profiles';

const KEY = 'sk-e2e-SECRET-4471';
const QUESTION = 'Please write to ada@example.com about the tides.';

let cloud: CloudServer;
let session: Session;
let capture: NetworkCapture;
let panel: Page;

beforeAll(async () => {
  cloud = await startCloud();
  session = await startSession({ debuggingPort: true });
  capture = await captureNetwork(debuggingPort(session.browser.userDataDir));
  await configure(session.browser, { modelId: ECHO_MODEL });
  await ensureModel(session.browser, ECHO_MODEL);
  await putProfiles(session.browser, [PERSONAL]);
  panel = await session.browser.openExtensionPage('/sidepanel.html');
  await setUpProvider(panel, { name: 'Test cloud', baseUrl: `${cloud.url}/v1/`, model: 'test-model', key: KEY });
  const page = await session.openPage('/cloud-contact.html');
  await focusTab(session.browser, panel, page);
});
afterAll(async () => {
  await capture?.close();
  await session?.close();
  await cloud?.close();
});
beforeEach(() => cloud.setFault(null));

const toCloud = () => capture.requests.filter((r) => r.url.startsWith(`${cloud.url}/`));
const lastAnswer = () => panel.getByTestId('message-assistant').last();

/** Clicks "Ask Test cloud" / "Regenerate with Test cloud" on the last answer. */
async function askCloud(): Promise<void> {
  await lastAnswer().getByTestId('ask-cloud').click();
}

/** Waits for the last answer to end with `status`, and returns what it shows. */
async function ended(status: 'complete' | 'error' | 'stopped', kind: 'cloud' | 'device') {
  const answer = panel.locator(
    `[data-testid="message-assistant"][data-status="${status}"]:last-child:has([data-testid="ran-on"][data-kind="${kind}"])`,
  );
  await answer.waitFor({ timeout: 60_000 });
  return {
    text: await answer.getByTestId('answer-text').innerText(),
    ranOn: await answer.getByTestId('ran-on').innerText(),
    error: (await answer.locator('.error').count()) ? await answer.locator('.error').innerText() : '',
  };
}

test('configured but not agreed: everything runs on the device and nothing reaches the provider', async () => {
  const answer = await ask(panel, QUESTION);
  expect(answer.status).toBe('complete');
  expect(await lastAnswer().getByTestId('ran-on').innerText()).toMatch(
    new RegExp(`^On this device · WASM · ${ECHO_MODEL} · [\\d,]+ tok/s$`),
  );
  // "Ask Test cloud", then Cancel at the sheet: still nothing sent, the answer kept.
  await askCloud();
  await readConsentSheet(panel);
  await decide(panel, 'Cancel');
  await panel.getByTestId('chat-notice').filter({ hasText: 'Nothing was sent.' }).waitFor();
  expect(await lastAnswer().getByTestId('answer-text').innerText()).toBe(answer.text);
  expect(cloud.requests).toHaveLength(0);
  expect(toCloud()).toHaveLength(0);
});

test('Send once: exactly one request, its text exactly the sheet’s and redacted; the answer restored here', async () => {
  await askCloud();
  const sheet = await readConsentSheet(panel);
  expect(sheet.title).toBe('Send to Test cloud?');
  expect(sheet.summary).toMatch(new RegExp(`^Model test-model at ${cloud.url} · about [\\d,]+ tokens$`));
  expect(sheet.marks).toContain('[EMAIL_1]');
  expect(sheet.messages.join('\n')).not.toContain('ada@example.com');
  expect(await seriousViolations(panel), 'the consent sheet').toEqual([]);
  await decide(panel, 'Send once');
  const answer = await ended('complete', 'cloud');

  expect(cloud.requests).toHaveLength(1);
  const sent = cloud.requests[0]!;
  const body = JSON.parse(sent.body) as { model: string; messages: { content: string }[] };
  expect(body.model).toBe('test-model');
  expect(body.messages.map((m) => m.content)).toEqual(sheet.messages);
  for (const value of ['ada@example.com', 'Ada', 'Lovelace', '+1 415 555 0123']) expect(sent.body).not.toContain(value);
  expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
  // The reply echoed the placeholder; the panel shows the real value.
  expect(answer.text).toContain('Cloud answer:');
  expect(answer.text).toContain('ada@example.com');
  expect(answer.text).not.toContain('[EMAIL_1]');
  expect(answer.ranOn).toMatch(/^Cloud · Test cloud · test-model · [\d,]+ tokens sent, 1 redaction$/);

  // The capture agrees: one request to the provider, from the offscreen document, that same body.
  const captured = toCloud();
  expect(captured).toHaveLength(1);
  expect(captured[0]!.target.url).toMatch(/\/offscreen\.html$/);
  expect(captured[0]!.body).toBe(sent.body);

  const rows = await sentRows(panel);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.status).toBe('ok');
  expect(rows[0]!.text).toMatch(/Test cloud · test-model · Chat · 127\.0\.0\.1/);
  expect(rows[0]!.text).toContain('1 redaction');
  await showView(panel, 'Sent');
  expect(await seriousViolations(panel), 'the Sent view').toEqual([]);
  await showView(panel, 'Chat');
});

test('Always for chat on this site: later questions go without asking, each in the log; removing the rule stops it', async () => {
  await askCloud();
  await readConsentSheet(panel);
  await decide(panel, /^Always for Chat on 127\.0\.0\.1$/);
  await ended('complete', 'cloud');
  expect(cloud.requests).toHaveLength(2);

  await ask(panel, 'When does the ferry leave?');
  expect(await panel.getByTestId('consent-text').count()).toBe(0);
  const answer = await ended('complete', 'cloud');
  expect(answer.text).toContain('When does the ferry leave?');
  expect(cloud.requests).toHaveLength(3);
  expect((await sentRows(panel)).map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);

  await showView(panel, 'Settings');
  const rules = panel.getByTestId('cloud-rules');
  expect(await rules.innerText()).toContain('Chat on 127.0.0.1');
  await rules.getByRole('button', { name: 'Remove' }).click();
  await panel.getByTestId('cloud-rules-empty').waitFor();
  await showView(panel, 'Chat');
  expect((await ask(panel, 'And the high tide?')).status).toBe('complete');
  expect(await lastAnswer().getByTestId('ran-on').getAttribute('data-kind')).toBe('device');
  expect(cloud.requests).toHaveLength(3);
});

test.each([
  [{ kind: 'status', status: 401 } as const, 'Test cloud refused the API key (401). Check the key in Settings.'],
  [
    { kind: 'status', status: 429, retryAfter: 30 } as const,
    'Test cloud is limiting requests. Try again in 30 s, or answer on this device.',
  ],
  [
    { kind: 'status', status: 500 } as const,
    'Test cloud had a server error (500). Try again later, or answer on this device.',
  ],
  [{ kind: 'cut', afterChunks: 3 } as const, 'The connection to Test cloud broke mid-answer. What arrived is kept.'],
])('a fault (%o) gives a clear message, one request, and the local retry works', async (fault, message) => {
  cloud.setFault(fault);
  const before = cloud.requests.length;
  await askCloud();
  await readConsentSheet(panel);
  await decide(panel, 'Send once');
  const failed = await ended('error', 'cloud');
  expect(failed.error).toBe(message);
  if (fault.kind === 'cut') expect(failed.text).toMatch(/^Cloud answer/);
  expect(cloud.requests.length - before).toBe(1);
  expect((await sentRows(panel))[0]!.status).toBe('failed');

  await lastAnswer().getByTestId('retry-local').click();
  await ended('complete', 'device');
  expect(cloud.requests.length - before).toBe(1);
});

test('a provider that hangs: Stop ends it, logged as stopped', async () => {
  cloud.setFault({ kind: 'hang' });
  await askCloud();
  await readConsentSheet(panel);
  await decide(panel, 'Send once');
  await panel.getByRole('button', { name: 'Stop' }).click();
  // It left the device, so the stopped answer still says where it went.
  await ended('stopped', 'cloud');
  await expect.poll(async () => (await sentRows(panel))[0]!.status).toBe('stopped');
});

test('the key: in no storage area a content script can read, nor in settings or the log; Forget key removes it', async () => {
  const sw = await session.browser.serviceWorker();
  const areas = await storageAreasJson(sw);
  expect(areas).not.toContain(KEY);
  // The control: it is where it should be.
  expect(JSON.stringify(await readStore(panel, 'secrets'))).toContain(KEY);
  expect(JSON.stringify(await readStore(panel, 'settings'))).not.toContain(KEY);
  expect(JSON.stringify(await readStore(panel, 'egress'))).not.toContain(KEY);

  await showView(panel, 'Settings');
  await panel.getByRole('button', { name: 'Forget key', exact: true }).click();
  await panel.getByTestId('cloud-key-state').filter({ hasText: 'No key saved' }).waitFor();
  expect(await readStore(panel, 'secrets')).toEqual([]);
  await showView(panel, 'Chat');
});
