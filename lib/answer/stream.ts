/**
 * The one way every feature asks for an answer: chat, summaries, and later autofill
 * drafts and cloud routes. It takes the messages, the model and an `AbortSignal`; it
 * streams text to `onText` and resolves with the final text, token counts, timings and
 * where the answer ran. Features make no request ids of their own: they are made here.
 */
import * as Comlink from 'comlink';
import type { ChatMessage, EngineApi, FinishReason } from '@/lib/engine';
import type { ModelDevice } from '@/models';

/**
 * Where an answer was written. Only this device's engine exists today; routing to
 * Chrome's built-in AI or a cloud provider adds kinds to this union.
 */
export interface AnswerOrigin {
  kind: 'device';
  modelId: string;
  device: ModelDevice;
}

/** What an answer needs of the engine. */
export type AnswerEngine = Pick<EngineApi, 'generate' | 'cancel'>;

export interface AnswerRequest {
  /** Which feature asks: it names the request, so the engine's status and logs tell them apart. */
  feature: 'chat' | 'summary' | 'draft';
  messages: ChatMessage[];
  /** The model to answer with (loaded first if another one is). */
  modelId: string;
  maxNewTokens: number;
  /** Aborting stops the answer within one token; what was written is kept. */
  signal?: AbortSignal;
  /** Each streamed piece, in order. */
  onText?(piece: string): void;
}

export interface Answer {
  text: string;
  /** True when `signal` stopped it (before or during the answer). */
  stopped: boolean;
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
  /** Time to first token, from when the request reached the front of the engine's queue. */
  ttftMs: number;
  totalMs: number;
  /** Null only when the answer was stopped before any engine started it. */
  origin: AnswerOrigin | null;
}

const STOPPED_BEFORE_START: Answer = {
  text: '',
  stopped: true,
  finishReason: 'cancelled',
  promptTokens: 0,
  completionTokens: 0,
  ttftMs: 0,
  totalMs: 0,
  origin: null,
};

/**
 * Streams one answer. Rejects if the engine fails; a stop is not a failure (it resolves
 * with `stopped`). A signal already aborted sends nothing to the engine.
 */
export async function streamAnswer(engine: AnswerEngine, request: AnswerRequest): Promise<Answer> {
  const { signal, onText } = request;
  if (signal?.aborted) return STOPPED_BEFORE_START;
  const requestId = `${request.feature}-${crypto.randomUUID()}`;
  const cancel = () => void engine.cancel(requestId).catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const result = await engine.generate(
      { requestId, messages: request.messages, modelId: request.modelId, maxNewTokens: request.maxNewTokens },
      // A remote engine calls back across contexts; a local one (tests) calls the function itself.
      onText && Comlink.proxy((piece: string) => onText(piece)),
    );
    return {
      text: result.text,
      stopped: result.finishReason === 'cancelled',
      finishReason: result.finishReason,
      promptTokens: result.promptTokens,
      completionTokens: result.completionTokens,
      ttftMs: result.ttftMs,
      totalMs: result.totalMs,
      origin: result.device ? { kind: 'device', modelId: result.modelId, device: result.device } : null,
    };
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}
