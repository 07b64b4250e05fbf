/**
 * Hostile pages, part 4: containment. Code in a page's content-script world (here, the
 * test probe evaluated there, as any script injected into that world could be) gets no
 * engine: no downloads without the user's yes, no floods, no peeking at other callers.
 * The port mux itself refuses smuggled fields and marker floods even from an extension page.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, contentScriptProbe, ensureModel, startSession, type ProbeHandle, type Session } from '../harness';

const ATTACKER_MODEL = 'attacker-org/huge';
const REFUSED = /Only Edgewise’s own pages may start its engine/;

let session: Session;
let inPage: ProbeHandle;

beforeAll(async () => {
  session = await startSession();
  await ensureModel(session.browser, ECHO_MODEL);
  // The engine document is up, so a refusal below is the host's doing, not a missing listener.
  await (await session.openProbe()).call('status');
  inPage = await contentScriptProbe(await session.openPage('/article.html'));
});
afterAll(() => session?.close());

test('a content script cannot load or generate with a model of its choosing', async () => {
  session.hub.clearLog();
  const load = await inPage.call('load', ATTACKER_MODEL, { device: 'wasm' });
  expect(load.error).toMatch(REFUSED);
  const [generate] = await inPage.call('flood', 1, 10, ATTACKER_MODEL);
  expect(generate).toMatch(REFUSED);
  expect(await inPage.call('status').catch((error: unknown) => String(error))).toMatch(REFUSED);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(session.hub.requests.map((r) => r.path).filter((path) => path.includes('attacker-org'))).toEqual([]);
});

test('200 parallel oversized requests are all refused, and a panel request right after answers', async () => {
  const outcomes = await inPage.call('flood', 200, 5_000_000);
  expect(outcomes).toHaveLength(200);
  expect(outcomes.filter((outcome) => !REFUSED.test(outcome))).toEqual([]);

  const panel = await session.openProbe();
  await panel.call('load', ECHO_MODEL, { device: 'wasm' });
  await panel.call('start', { requestId: 'after-flood', messages: [{ role: 'user', content: 'still here' }] });
  const run = await panel.call('wait', 'after-flood');
  expect(run.error).toBeUndefined();
  expect(run.result!.finishReason).not.toBe('cancelled');
  expect(run.result!.queuedMs).toBeLessThan(5_000);
});

test('a hand-made engine port from a content script is cut at once, unanswered', async () => {
  const status = { ch: 0, msg: { id: 'p1', type: 'APPLY', path: ['status'], argumentList: [] } };
  const { disconnected, replies } = await inPage.call('rawPort', [status]);
  expect(disconnected).toBe(true);
  expect(replies).toEqual([]);
});

test('the port mux refuses smuggled fields and thousands of port markers', async () => {
  const apply = (id: string, argumentList: unknown[] = []) => ({ id, type: 'APPLY', path: ['status'], argumentList });
  const markers = Array.from({ length: 5000 }, (_, i) => ({
    type: 'HANDLER',
    name: 'proxy',
    value: { $edgewisePort: 2 * i + 1 },
  }));
  const { disconnected, replies } = await (
    await session.openProbe()
  ).call('rawPort', [
    { ch: 0, msg: apply('frame-extra'), extra: 'dropped unread' },
    { ch: 0, msg: { ...apply('message-extra'), smuggled: true } },
    { ch: 0, msg: apply('markers', markers) },
    { ch: 0, msg: apply('fine') },
  ]);
  expect(disconnected).toBe(false);
  const byId = new Map(
    replies.map((frame) => {
      const msg = (frame as { msg: { id: string } }).msg;
      return [msg.id, JSON.stringify(msg)];
    }),
  );
  expect(byId.has('frame-extra')).toBe(false);
  expect(byId.get('message-extra')).toMatch(/MessageRejected.*unexpected fields/);
  expect(byId.get('markers')).toMatch(/MessageRejected.*too many open callbacks/);
  expect(byId.get('fine')).toMatch(/"type":"RAW"/);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
