/**
 * Chrome's built-in AI as an engine for the panel (issue 14). Detection calls
 * `availability()` with the same options as `create()`; a first download starts only from
 * a user's click (`create()` needs the page's user activation then), with progress from
 * the monitor; an answer is one session: earlier turns as initial prompts, the last
 * question streamed, refused before it starts when it does not fit the window.
 * It runs where it is called: the side panel (extension pages expose `LanguageModel`).
 */
import type { ChatMessage } from '@/lib/engine';
import { i18n } from '@/lib/i18n';
import {
  contextUsageOf,
  contextWindowOf,
  measureUsage,
  type PromptApi,
  type PromptApiAvailability,
  type PromptApiOptions,
} from './prompt-api';

/** English text in, English text out: what Edgewise asks of the model. */
export const BUILT_IN_OPTIONS: PromptApiOptions = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

/** The prompt does not fit the built-in model's window (measured by the model itself). */
export class BuiltInTooLongError extends Error {
  override name = 'BuiltInTooLongError';
  constructor(
    readonly tokens: number,
    readonly window: number,
  ) {
    super(i18n.t('builtIn.tooLong', [tokens.toLocaleString(), window.toLocaleString()]));
  }
}

export interface BuiltInAnswer {
  text: string;
  stopped: boolean;
  promptTokens: number;
  totalMs: number;
}

export class BuiltInAi {
  private window: number | null = null;

  /** `api` is `promptApiOf()` of the page: null where the browser has no built-in AI. */
  constructor(private readonly api: PromptApi | null) {}

  async availability(): Promise<PromptApiAvailability> {
    if (!this.api) return 'unavailable';
    try {
      return await this.api.availability(BUILT_IN_OPTIONS);
    } catch {
      return 'unavailable';
    }
  }

  /**
   * Downloads the model, reporting progress from 0 to 1. Call it from the click that asks
   * for it, before anything else awaits: Chrome starts a download only with user activation.
   */
  async download(onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void> {
    if (!this.api) throw new Error(i18n.t('builtIn.missing'));
    const session = await this.api.create({
      ...BUILT_IN_OPTIONS,
      signal,
      monitor: (monitor) => monitor.addEventListener('downloadprogress', (event) => onProgress(event.loaded)),
    });
    this.window = contextWindowOf(session);
    session.destroy();
  }

  /** The model's context window in tokens (one session is made to ask, once). */
  async contextWindow(): Promise<number> {
    if (this.window !== null) return this.window;
    if (!this.api) throw new Error(i18n.t('builtIn.missing'));
    const session = await this.api.create(BUILT_IN_OPTIONS);
    this.window = contextWindowOf(session);
    session.destroy();
    return this.window;
  }

  /** Answers the last of `messages`; the earlier ones start the session. */
  async answer(
    messages: readonly ChatMessage[],
    onText: (piece: string) => void,
    signal?: AbortSignal,
  ): Promise<BuiltInAnswer> {
    if (!this.api) throw new Error(i18n.t('builtIn.missing'));
    const started = performance.now();
    const last = messages.at(-1);
    if (!last || last.role !== 'user') throw new Error('The last message must be the question.');
    const session = await this.api.create({
      ...BUILT_IN_OPTIONS,
      initialPrompts: messages.slice(0, -1).map(({ role, content }) => ({ role, content })),
      signal,
    });
    let text = '';
    try {
      const limit = contextWindowOf(session);
      const tokens = contextUsageOf(session) + (await measureUsage(session, last.content, signal));
      if (limit && tokens > limit) throw new BuiltInTooLongError(tokens, limit);
      const reader = session.promptStreaming(last.content, { signal }).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += value;
          onText(value);
        }
      } catch (error) {
        if (!signal?.aborted) throw error;
      } finally {
        reader.releaseLock();
      }
      return { text, stopped: Boolean(signal?.aborted), promptTokens: tokens, totalMs: performance.now() - started };
    } finally {
      session.destroy();
    }
  }
}
