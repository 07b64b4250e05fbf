/**
 * The caller's side: extension pages get the engine's typed API
 * as a Comlink remote. Streaming callbacks are passed with `Comlink.proxy`.
 */
import * as Comlink from 'comlink';
import type { ChunkListener, EngineAdminApi, GenerateRequest, GenerateResult } from '@/lib/engine';
import type { WxtBrowser } from 'wxt/browser';
import { PortMux } from './port-mux';
import { ENGINE_PORT, type BackgroundReply, type BackgroundRequest } from './protocol';
import { MAX_CONTENT_CHARS, MAX_TEXTS_PER_COUNT } from './validate';
import { i18n } from '@/lib/i18n';

/** The engine as a caller sees it: every method returns a promise. */
export type EngineRemote = Comlink.Remote<EngineAdminApi>;

export interface EngineConnection {
  readonly engine: EngineRemote;
  /** Runs once if the connection drops; calls in flight have already been rejected. */
  onDisconnect(listener: () => void): void;
  close(): void;
}

/** What a caller needs of `runtime`, as WXT types it. */
export type ClientRuntime = Pick<WxtBrowser['runtime'], 'sendMessage' | 'connect'>;

/** Thrown when the engine cannot be reached; the message says what to do. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

/** How to connect: tries, and how to make sure the engine document exists first. */
export interface ConnectOptions {
  attempts?: number;
  /** Extension pages ask the background (the default); the background itself creates the document directly. */
  ensure?: () => Promise<void>;
}

/**
 * Asks the background to make sure the offscreen engine exists, then connects to it
 * directly: the service worker is not in the streaming path, so it may be stopped by
 * Chrome at any time without cutting a stream.
 */
export async function connectEngine(
  runtime: ClientRuntime,
  { attempts = 3, ensure = () => ensureEngine(runtime) }: ConnectOptions = {},
): Promise<EngineConnection> {
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      await ensure();
      const mux = new PortMux(runtime.connect({ name: ENGINE_PORT }), 'client');
      const engine = Comlink.wrap<EngineAdminApi>(mux.endpoint);
      // A port to nobody (the engine document was still starting) disconnects at once,
      // which fails this call rather than leaving it waiting.
      await engine.status();
      return { engine, onDisconnect: (listener) => mux.onDisconnect(listener), close: () => mux.close() };
    } catch (error) {
      lastError = error;
    }
  }
  throw new EngineUnavailableError(
    i18n.t('engineErrors.couldNotStart', [lastError instanceof Error ? lastError.message : String(lastError)]),
  );
}

async function ensureEngine(runtime: ClientRuntime): Promise<void> {
  const request: BackgroundRequest = { type: 'engine/ensure' };
  const reply = (await runtime.sendMessage(request)) as BackgroundReply | undefined;
  if (!reply?.ok) throw new EngineUnavailableError(reply?.error ?? i18n.t('engineErrors.noBackground'));
}

/** Runs a generation, streaming each text piece to `onChunk`. */
export function generateStream(
  engine: EngineRemote,
  request: GenerateRequest,
  onChunk: ChunkListener,
): Promise<GenerateResult> {
  return engine.generate(request, Comlink.proxy(onChunk));
}

/**
 * Token counts of any number of texts. The engine refuses calls over its size limits (a
 * page may have tens of thousands of paragraphs), so the texts go in as few calls as fit.
 */
export async function countTokensInBatches(
  engine: { countTokens(texts: string[]): Promise<number[]> },
  texts: readonly string[],
): Promise<number[]> {
  const counts: number[] = [];
  let batch: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (batch.length > 0) counts.push(...(await engine.countTokens(batch)));
    batch = [];
    chars = 0;
  };
  for (const text of texts) {
    if (batch.length >= MAX_TEXTS_PER_COUNT || (batch.length > 0 && chars + text.length > MAX_CONTENT_CHARS)) {
      await flush();
    }
    batch.push(text);
    chars += text.length;
  }
  await flush();
  return counts;
}

/** A loaded model as text pipelines (chat, summaries) use it: its window and its tokenizer. */
export interface TextModel {
  modelId: string;
  contextWindow: number;
  countTokens(texts: string[]): Promise<number[]>;
}
