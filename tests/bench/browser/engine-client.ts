/**
 * Bench-only: the extension path. Evaluated in a content script's isolated world (or an
 * extension page, for admin calls), it reaches the offscreen engine through the real
 * client in `lib/messaging`, as a feature would, and times each call where it is made.
 */
import type { GenerateRequest } from '@/lib/engine/api';
import { connectEngine, generateStream, type ClientRuntime, type EngineConnection } from '@/lib/messaging';
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
};

export type EngineClient = typeof client;
(globalThis as { __edgewiseBenchEngine?: EngineClient }).__edgewiseBenchEngine = client;
