import * as Comlink from 'comlink';
import { describe, expect, test } from 'vitest';
import { PortMux } from '@/lib/messaging';
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
});
