/**
 * Chrome's built-in AI, the Prompt API (`LanguageModel`), as far as Edgewise uses it,
 * declared once: WXT's browser types do not cover it (it is a web API, not an extension
 * API). https://github.com/webmachinelearning/prompt-api
 * Older Chrome releases name the window `inputQuota`/`inputUsage`/`measureInputUsage`;
 * newer ones `contextWindow`/`contextUsage`/`measureContextUsage`. Both are declared, and
 * read through {@link contextWindowOf} and {@link measureUsage} only.
 */

export type PromptApiAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface PromptApiMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What `availability()` and `create()` are both called with (the spec asks for the same options). */
export interface PromptApiOptions {
  expectedInputs?: { type: 'text'; languages?: string[] }[];
  expectedOutputs?: { type: 'text'; languages?: string[] }[];
}

export interface PromptApiMonitor extends EventTarget {
  addEventListener(type: 'downloadprogress', listener: (event: Event & { loaded: number }) => void): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject): void;
}

export interface PromptApiCreateOptions extends PromptApiOptions {
  initialPrompts?: PromptApiMessage[];
  signal?: AbortSignal;
  monitor?(monitor: PromptApiMonitor): void;
}

export interface PromptApiSession {
  readonly contextWindow?: number;
  readonly contextUsage?: number;
  readonly inputQuota?: number;
  readonly inputUsage?: number;
  measureContextUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  measureInputUsage?(input: string, options?: { signal?: AbortSignal }): Promise<number>;
  /** Each chunk is the next piece of the answer. */
  promptStreaming(input: string, options?: { signal?: AbortSignal }): ReadableStream<string>;
  destroy(): void;
}

export interface PromptApi {
  availability(options?: PromptApiOptions): Promise<PromptApiAvailability>;
  create(options?: PromptApiCreateOptions): Promise<PromptApiSession>;
}

/** The Prompt API of `scope` (this page), or null where the browser has none. */
export function promptApiOf(scope: object = globalThis): PromptApi | null {
  const api = (scope as { LanguageModel?: unknown }).LanguageModel;
  if (typeof api !== 'function' && (typeof api !== 'object' || api === null)) return null;
  const candidate = api as Partial<PromptApi>;
  return typeof candidate.availability === 'function' && typeof candidate.create === 'function'
    ? (candidate as PromptApi)
    : null;
}

/** The session's window in tokens, by either name. */
export function contextWindowOf(session: PromptApiSession): number {
  return session.contextWindow ?? session.inputQuota ?? 0;
}

/** Tokens already used in the session, by either name. */
export function contextUsageOf(session: PromptApiSession): number {
  return session.contextUsage ?? session.inputUsage ?? 0;
}

/** How many tokens `input` would take, by either name. */
export function measureUsage(session: PromptApiSession, input: string, signal?: AbortSignal): Promise<number> {
  if (session.measureContextUsage) return session.measureContextUsage(input, { signal });
  if (session.measureInputUsage) return session.measureInputUsage(input, { signal });
  return Promise.resolve(Math.ceil(input.length / 4));
}
