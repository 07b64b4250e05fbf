/**
 * Bench-only: the extension path. Evaluated in a content script's isolated world (or an
 * extension page, for admin calls), it reaches the offscreen engine through the real
 * client in `lib/messaging`, as a feature would, and times each call where it is made.
 */
import type { ChatMessage, CloudProvider, GenerateRequest } from '@/lib/engine/api';
import { connectEngine, generateStream, type ClientRuntime, type EngineConnection } from '@/lib/messaging';
import { saveSettings } from '@/lib/settings';
import { openDatabase } from '@/lib/store';
import * as Comlink from 'comlink';
import type { BenchMessage } from '../shared/greedy';

declare const chrome: { runtime: ClientRuntime };

let connection: Promise<EngineConnection> | undefined;
let counter = 0;

function engine() {
  connection ??= connectEngine(chrome.runtime);
  return connection.then((c) => c.engine);
}

const client = {
  /** Loads on WASM and reports the time the caller waited, and the engine's own report. */
  async load(modelId: string) {
    const remote = await engine();
    const started = performance.now();
    const result = await remote.load(modelId, { device: 'wasm' });
    return { ms: performance.now() - started, result };
  },
  async unload() {
    await (await engine()).unload();
  },
  async deleteCached(modelId: string) {
    return (await engine()).deleteCached(modelId);
  },
  /** Generates exactly `tokens` tokens, streaming pieces back to this world. */
  async generate(messages: BenchMessage[], tokens: number) {
    const remote = await engine();
    const request: GenerateRequest = {
      requestId: `bench-${++counter}`,
      messages,
      maxNewTokens: tokens,
      minNewTokens: tokens,
    };
    let chunks = 0;
    let firstChunkMs = 0;
    const started = performance.now();
    const result = await generateStream(remote, request, () => {
      if (chunks++ === 0) firstChunkMs = performance.now() - started;
    });
    return { totalMs: performance.now() - started, firstChunkMs, chunks, result };
  },
  /** Points the extension at a cloud provider (issue 14), as the Settings form would. */
  async configureCloud(provider: CloudProvider) {
    await saveSettings(openDatabase(), {
      cloudName: provider.name,
      cloudBaseUrl: provider.baseUrl,
      cloudModel: provider.model,
    });
  },
  /** One agreed cloud request through the extension (Comlink → offscreen → log → fetch), timed here. */
  async askCloud(provider: CloudProvider, messages: ChatMessage[]) {
    const remote = await engine();
    let chunks = 0;
    const started = performance.now();
    const result = await remote.askCloud(
      {
        requestId: `bench-${++counter}`,
        feature: 'chat',
        site: null,
        provider,
        messages,
        maxNewTokens: 256,
        redactions: 0,
      },
      Comlink.proxy(() => void chunks++),
    );
    return { totalMs: performance.now() - started, chunks, error: result.error?.kind ?? null };
  },
  /** The same stream with a plain fetch from this page, read to the end: the baseline. */
  async plainFetch(url: string, body: string) {
    const started = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const reader = response.body!.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    return { totalMs: performance.now() - started, bytes };
  },
};

export type EngineClient = typeof client;
(globalThis as { __edgewiseBenchEngine?: EngineClient }).__edgewiseBenchEngine = client;
