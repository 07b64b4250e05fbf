/**
 * Test-only driver, bundled by the harness and evaluated inside a content script's
 * isolated world (or an extension page). It uses the real client from `lib/messaging`,
 * so tests exercise exactly the path a feature would.
 */
import * as Comlink from 'comlink';
import type { DownloadProgress, GenerateRequest, GenerateResult, LoadOptions } from '@/lib/engine/api';
import { connectEngine, generateStream, type ClientRuntime, type EngineConnection } from '@/lib/messaging';

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
