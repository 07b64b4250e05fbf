import * as Comlink from 'comlink';
import { describe, expect, test } from 'vitest';
import { MAX_CHANNELS, PortMux } from '@/lib/messaging';
import { fakePortPair } from './helpers/fake-runtime-port';

interface Api {
  add(a: number, b: number): number;
  stream(words: string[], onWord: (word: string) => void): Promise<number>;
  never(): Promise<void>;
}

function connect(api: Api, check?: ConstructorParameters<typeof PortMux>[2]) {
  const { client, host } = fakePortPair('test');
  const hostMux = new PortMux(host, 'host', check);
  Comlink.expose(api, hostMux.endpoint);
  const clientMux = new PortMux(client, 'client');
  return { remote: Comlink.wrap<Api>(clientMux.endpoint), clientMux, hostMux, client, host };
}

const api: Api = {
  add: (a, b) => a + b,
  async stream(words, onWord) {
    let last: unknown;
    for (const word of words) last = onWord(word);
    await last; // replies come back in order: the last one acknowledges them all
    return words.length;
  },
  never: () => new Promise(() => undefined),
};

describe('PortMux', () => {
  test('carries plain calls over a JSON-only port', async () => {
    const { remote } = connect(api);
    await expect(remote.add(2, 3)).resolves.toBe(5);
  });

  test('carries proxied callbacks in order', async () => {
    const { remote } = connect(api);
    const seen: string[] = [];
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
    const count = await remote.stream(
      words,
      Comlink.proxy((w: string) => void seen.push(w)),
    );
    expect(count).toBe(50);
    expect(seen).toEqual(words);
  });

  test('no MessagePort object ever reaches the runtime port', async () => {
    const { remote, client } = connect(api);
    await remote.stream(
      ['a'],
      Comlink.proxy(() => undefined),
    );
    expect(JSON.stringify(client.sent)).toContain('$edgewisePort');
  });

  test('a call in flight when the port drops rejects instead of hanging', async () => {
    const { remote, host } = connect(api);
    await remote.add(1, 1);
    const pending = remote.never();
    await new Promise((r) => setTimeout(r, 5));
    host.disconnect();
    await expect(pending).rejects.toThrow(/connection to the Edgewise engine was lost/);
  });

  test('calls after a disconnect fail at once', async () => {
    const { remote, clientMux } = connect(api);
    clientMux.close();
    await expect(remote.add(1, 2)).rejects.toThrow(/not connected/);
  });

  test('a refused message gets an error reply and never reaches the API', async () => {
    let called = false;
    const guarded: Api = { ...api, add: (a, b) => ((called = true), a + b) };
    const { remote } = connect(guarded, (channel) => (channel === 'root' ? 'nope' : null));
    await expect(remote.add(1, 2)).rejects.toThrow('nope');
    expect(called).toBe(false);
  });

  test('malformed frames are ignored', async () => {
    const { remote, client } = connect(api);
    client.postMessage('garbage');
    client.postMessage({ ch: 'x' });
    client.postMessage({ ch: 999, msg: {} });
    await expect(remote.add(2, 2)).resolves.toBe(4);
  });

  describe('against a hostile peer', () => {
    /** Posts a raw frame from the client side and resolves with the host's reply to `id`, if any within 50 ms. */
    function rawCall(client: ReturnType<typeof connect>['client'], frame: object, id: string) {
      return new Promise<unknown>((resolve) => {
        client.onMessage.addListener((reply) => {
          const msg = (reply as { msg?: { id?: string } }).msg;
          if (msg?.id === id) resolve(msg);
        });
        client.postMessage(frame);
        setTimeout(() => resolve(undefined), 50);
      });
    }
    const apply = (id: string, method: string, argumentList: unknown[]) => ({
      id,
      type: 'APPLY',
      path: [method],
      argumentList,
    });
    const proxyArg = (ch: number) => ({ type: 'HANDLER', name: 'proxy', value: { $edgewisePort: ch } });

    test('frames with keys beyond ch and msg are dropped unread', async () => {
      let calls = 0;
      const { remote, client } = connect({ ...api, add: (a, b) => (calls++, a + b) });
      const reply = await rawCall(client, { ch: 0, msg: apply('r1', 'add', []), extra: 1 }, 'r1');
      expect(reply).toBeUndefined();
      expect(calls).toBe(0);
      await expect(remote.add(2, 2)).resolves.toBe(4);
    });

    test('a marker outside a declared callback stays plain data', async () => {
      let seen: unknown;
      const { client } = connect({ ...api, add: (a) => ((seen = a), 0) });
      await rawCall(client, { ch: 0, msg: apply('r2', 'add', [{ type: 'RAW', value: { $edgewisePort: 5 } }]) }, 'r2');
      expect(seen).toEqual({ $edgewisePort: 5 });
    });

    test(`thousands of markers are refused, past ${MAX_CHANNELS} open callbacks`, async () => {
      let calls = 0;
      const { remote, client } = connect({ ...api, add: (a, b) => (calls++, a + b) });
      const markers = Array.from({ length: 5000 }, (_, i) => proxyArg(2 * i + 1));
      const reply = await rawCall(client, { ch: 0, msg: apply('r3', 'add', markers) }, 'r3');
      expect(JSON.stringify(reply)).toMatch(/MessageRejected.*too many open callbacks/);
      expect(calls).toBe(0);
      await expect(remote.add(2, 3)).resolves.toBe(5);
    });

    test.each([
      ['the root channel', 0],
      ["the host's own numbering", 4],
    ])('a marker naming %s is refused', async (_name, ch) => {
      const { client } = connect(api);
      const reply = await rawCall(
        client,
        { ch: 0, msg: apply('r4', 'stream', [{ type: 'RAW', value: [] }, proxyArg(ch)]) },
        'r4',
      );
      expect(JSON.stringify(reply)).toMatch(/bad callback channel/);
    });

    test('two markers naming one channel are refused', async () => {
      const { client } = connect(api);
      const reply = await rawCall(client, { ch: 0, msg: apply('r5', 'add', [proxyArg(7), proxyArg(7)]) }, 'r5');
      expect(JSON.stringify(reply)).toMatch(/bad callback channel/);
    });
  });
});
