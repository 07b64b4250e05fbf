/**
 * An extension page streams a generation from the offscreen engine through Comlink, on
 * WASM; the text equals transformers.js in Node; cancel, queueing and validation hold.
 * (Content scripts get no engine at all: tests/e2e/hostile/containment.e2e.ts.)
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, nodeGreedyText, offscreenDocumentCount, startSession, type Session } from './harness';

const PROMPT = [{ role: 'user' as const, content: 'Private models keep your words on your own machine.' }];
const MAX_NEW = 64;

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

test('ten simultaneous callers get one engine document', async () => {
  const sw = await session.browser.serviceWorker();
  // Start from no engine document (an earlier page may have started one).
  if ((await offscreenDocumentCount(sw)) > 0) {
    await sw.evaluate(() =>
      (
        globalThis as unknown as { chrome: { offscreen: { closeDocument(): Promise<void> } } }
      ).chrome.offscreen.closeDocument(),
    );
  }
  expect(await offscreenDocumentCount(sw)).toBe(0);
  const probe = await session.openProbe();
  const states = await probe.call('connectMany', 10);
  expect(states).toHaveLength(10);
  expect(await offscreenDocumentCount(sw)).toBe(1);
});

test('streams the same greedy text as transformers.js in Node', async () => {
  const probe = await session.openProbe();
  const loaded = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(loaded.result?.device).toBe('wasm');

  await probe.call('start', { requestId: 'stream', messages: PROMPT, maxNewTokens: MAX_NEW });
  const run = await probe.call('wait', 'stream');
  expect(run.error).toBeUndefined();
  const reference = await nodeGreedyText(session.hub.url, ECHO_MODEL, PROMPT, MAX_NEW);
  expect(run.result!.text).toBe(reference);
  expect(run.chunks.length).toBeGreaterThanOrEqual(2);
  expect(run.chunks.map((c) => c.text).join('')).toBe(run.result!.text);
  expect(run.result!.promptTokens).toBeGreaterThan(PROMPT[0]!.content.length);
  expect(run.result!.completionTokens).toBeGreaterThan(0);
  expect(run.result!.ttftMs).toBeGreaterThan(0);
});

test('cancel stops a long generation, and the next request works', async () => {
  const probe = await session.openProbe();
  await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  const long = { requestId: 'long', messages: PROMPT, maxNewTokens: 4000, minNewTokens: 4000 };
  await probe.call('start', long);
  await expect.poll(async () => (await probe.call('status')).state, { timeout: 30_000 }).toBe('generating');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await probe.call('cancel', 'long')).toBe(true);
  const cancelled = await probe.call('wait', 'long');
  expect(cancelled.result!.finishReason).toBe('cancelled');
  expect(cancelled.result!.completionTokens).toBeLessThan(4000);

  await probe.call('start', { requestId: 'after', messages: PROMPT, maxNewTokens: MAX_NEW });
  const after = await probe.call('wait', 'after');
  expect(after.result!.finishReason).not.toBe('cancelled');
  expect(after.result!.text).toBe(await nodeGreedyText(session.hub.url, ECHO_MODEL, PROMPT, MAX_NEW));
});

test('two callers are queued, never interleaved', async () => {
  const first = await session.openProbe();
  const second = await session.openProbe();
  await first.call('load', ECHO_MODEL, { device: 'wasm' });
  const a = [{ role: 'user' as const, content: 'alpha beta gamma delta' }];
  const b = [{ role: 'user' as const, content: 'one two three four five' }];
  // The first is long enough that the second surely arrives while it runs.
  await first.call('start', { requestId: 'same-id', messages: a, maxNewTokens: 600, minNewTokens: 600 });
  await expect.poll(async () => (await first.call('status')).state, { timeout: 30_000 }).toBe('generating');
  await second.call('start', { requestId: 'same-id', messages: b, maxNewTokens: 48 });
  const [ra, rb] = await Promise.all([first.call('wait', 'same-id'), second.call('wait', 'same-id')]);
  expect(ra.result!.completionTokens).toBe(600);
  expect(ra.result!.text).toBe(await nodeGreedyText(session.hub.url, ECHO_MODEL, a, 600, 600));
  expect(rb.result!.text).toBe(await nodeGreedyText(session.hub.url, ECHO_MODEL, b, 48));
  expect(rb.result!.queuedMs).toBeGreaterThan(0);
});

test('even extension pages are held to the API’s methods and shapes', async () => {
  const probe = await session.openProbe();
  const refused = await probe.call('raw', 'constructor');
  expect(refused.error).toMatch(/MessageRejected: method "constructor" is not available/);
  const malformed = await probe.call('raw', 'generate', { requestId: 'x', messages: [] });
  expect(malformed.error).toMatch(/MessageRejected: generate: request: messages must be a list/);
  const badRole = await probe.call('raw', 'generate', { requestId: 'x', messages: [{ role: 'tool', content: 'hi' }] });
  expect(badRole.error).toMatch(/each message needs a role/);
  expect((await probe.call('listCached')).map((m) => m.modelId)).toContain(ECHO_MODEL);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
