/**
 * The service worker is not in the streaming path: stopping it mid-stream neither
 * hangs nor breaks the stream, and the next request still finds exactly one engine.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, offscreenDocumentCount, startSession, stopServiceWorkers, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

test('a stream survives the service worker being stopped', async () => {
  const probe = await session.openProbe();
  await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  await probe.call('start', {
    requestId: 'long',
    messages: [{ role: 'user', content: 'keep going' }],
    maxNewTokens: 1500,
    minNewTokens: 1500,
  });
  await expect.poll(async () => (await probe.call('status')).state, { timeout: 30_000 }).toBe('generating');

  const extensionPage = await session.browser.openExtensionPage('/options.html');
  await stopServiceWorkers(extensionPage);

  const run = await probe.call('wait', 'long');
  // Either outcome is acceptable; hanging is not (the test would time out).
  if (run.error) expect(run.error).toMatch(/Edgewise engine/);
  else expect(run.result!.completionTokens).toBe(1500);

  await probe.call('start', { requestId: 'next', messages: [{ role: 'user', content: 'next' }], maxNewTokens: 8 });
  const next = await probe.call('wait', 'next');
  expect(next.error).toBeUndefined();

  // A new caller wakes the worker, which must find the existing document, not make another.
  const fresh = await session.openProbe();
  await fresh.call('status');
  expect(await offscreenDocumentCount(await session.browser.serviceWorker())).toBe(1);
});
