/** "Test connection" against the real local hub: found, missing, refusing and gone. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { normaliseModelHost } from '@/lib/settings';
import { ECHO_MODEL, startNodeEngine, type NodeEngine } from './helpers/node-engine';

let node: NodeEngine;
let host: string;
beforeEach(async () => {
  node = await startNodeEngine();
  host = normaliseModelHost(node.hub.url);
});
afterEach(() => node.close());

test('a host that has the model answers ok, with one HEAD of its config and nothing stored', async () => {
  node.hub.clearLog();
  expect(await node.engine.checkHost(host, ECHO_MODEL)).toEqual({ ok: true, ms: expect.any(Number) });
  expect(node.hub.requests.map((r) => [r.method, r.path])).toEqual([
    ['HEAD', `/${ECHO_MODEL}/resolve/main/config.json`],
  ]);
  expect(await node.db.modelFiles.count()).toBe(0);
});

test('a host without the model says not found', async () => {
  expect(await node.engine.checkHost(host, 'nobody/nothing')).toEqual({ ok: false, problem: 'not-found', status: 404 });
});

test('a host that errors is refused, with its status', async () => {
  node.hub.setFault({ kind: 'status', status: 503 });
  expect(await node.engine.checkHost(host, ECHO_MODEL)).toEqual({ ok: false, problem: 'refused', status: 503 });
});

test('a host that is gone is unreachable', async () => {
  await node.hub.close();
  expect(await node.engine.checkHost(host, ECHO_MODEL)).toEqual({ ok: false, problem: 'unreachable' });
  node.hub.close = () => Promise.resolve();
});
