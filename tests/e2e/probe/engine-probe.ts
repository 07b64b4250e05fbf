/**
 * Test-only driver, bundled by the harness and evaluated inside an extension page (the
 * engine as the panel reaches it) or, to prove content scripts get nothing, a content
 * script's isolated world. It uses the real client from `lib/messaging`, so tests
 * exercise exactly the path a feature would.
 */
import * as Comlink from 'comlink';
import type { DownloadProgress, GenerateRequest, GenerateResult, LoadOptions } from '@/lib/engine/api';
import { ENGINE_PORT, connectEngine, generateStream, type ClientRuntime, type EngineConnection } from '@/lib/messaging';

interface Run {
  chunks: { text: string; at: number }[];
  result?: GenerateResult;
  error?: string;
  done: Promise<void>;
}

declare const chrome: { runtime: ClientRuntime };

let connection: Promise<EngineConnection> | undefined;
const runs = new Map<string, Run>();

function connect(): Promise<EngineConnection> {
  connection ??= connectEngine(chrome.runtime);
  return connection;
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const probe = {
  async status() {
    return (await connect()).engine.status();
  },
  async load(modelId: string, options?: LoadOptions) {
    const progress: DownloadProgress[] = [];
    try {
      const result = await (
        await connect()
      ).engine.load(
        modelId,
        options,
        Comlink.proxy((p: DownloadProgress) => void progress.push(p)),
      );
      return { result, progress };
    } catch (error) {
      return { error: message(error), progress };
    }
  },
  /** Starts a generation and returns at once; `wait` collects it. */
  start(request: GenerateRequest) {
    const run: Run = { chunks: [], done: Promise.resolve() };
    run.done = connect()
      .then((c) => generateStream(c.engine, request, (text) => void run.chunks.push({ text, at: Date.now() })))
      .then((result) => void (run.result = result))
      .catch((error: unknown) => void (run.error = message(error)));
    runs.set(request.requestId, run);
  },
  chunkCount(requestId: string) {
    return runs.get(requestId)?.chunks.length ?? 0;
  },
  async wait(requestId: string) {
    const run = runs.get(requestId);
    if (!run) throw new Error(`no run ${requestId}`);
    await run.done;
    return { chunks: run.chunks, result: run.result, error: run.error };
  },
  async cancel(requestId: string) {
    return (await connect()).engine.cancel(requestId);
  },
  async unload() {
    return (await connect()).engine.unload();
  },
  async listCached() {
    return (await connect()).engine.listCached();
  },
  /** Stores a model's files without loading it (extension pages only). */
  async download(modelId: string) {
    try {
      return { result: await (await connect()).engine.download(modelId) };
    } catch (error) {
      return { error: message(error) };
    }
  },
  /** Deletes a model's files (extension pages only). */
  async deleteCached(modelId: string) {
    return (await connect()).engine.deleteCached(modelId);
  },
  /** Opens `n` separate connections at once (each asks the background for the engine). */
  async connectMany(n: number) {
    const connections = await Promise.all(Array.from({ length: n }, () => connectEngine(chrome.runtime)));
    const states = await Promise.all(connections.map((c) => c.engine.status()));
    connections.forEach((c) => c.close());
    return states.map((s) => s.state);
  },
  /** Starts `n` generations at once, each with `chars` characters of prompt; resolves with each outcome. */
  async flood(n: number, chars: number, modelId?: string) {
    const content = 'x'.repeat(chars);
    const outcomes = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        try {
          const request = { requestId: `flood-${i}`, messages: [{ role: 'user' as const, content }], modelId };
          await generateStream((await connectEngine(chrome.runtime, { attempts: 1 })).engine, request, () => undefined);
          return 'answered';
        } catch (error) {
          return message(error);
        }
      }),
    );
    return outcomes;
  },
  /**
   * Opens the engine port by hand, bypassing the client, and posts `frames` as they are.
   * Resolves after `waitMs` or when the port is cut, with every frame that came back.
   */
  async rawPort(frames: unknown[], waitMs = 1000) {
    const port = chrome.runtime.connect({ name: ENGINE_PORT });
    const replies: unknown[] = [];
    let disconnected = false;
    port.onMessage.addListener((frame) => void replies.push(frame));
    const gone = new Promise<void>((resolve) =>
      port.onDisconnect.addListener(() => {
        disconnected = true;
        resolve();
      }),
    );
    try {
      for (const frame of frames) port.postMessage(frame);
    } catch {
      // A port cut while posting: reported as disconnected below.
    }
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, waitMs))]);
    if (!disconnected) port.disconnect();
    return { disconnected, replies };
  },
  /** Calls an arbitrary method, for validation tests. */
  async raw(method: string, ...args: unknown[]) {
    try {
      const engine = (await connect()).engine as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return { value: await engine[method]!(...args) };
    } catch (error) {
      return { error: message(error) };
    }
  },
};

export type EngineProbe = typeof probe;
(globalThis as { __edgewiseProbe?: EngineProbe }).__edgewiseProbe = probe;
