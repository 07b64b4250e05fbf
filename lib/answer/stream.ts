/**
 * The one way every feature asks for an answer: chat, summaries, and later autofill
 * drafts and cloud routes. It takes the messages, the model and an `AbortSignal`; it
 * streams text to `onText` and resolves with the final text, token counts, timings and
 * where the answer ran. Features make no request ids of their own: they are made here.
 */
import * as Comlink from 'comlink';
import type { ChatMessage, CloudFailure, CloudProvider, EngineAdminApi, FinishReason } from '@/lib/engine';
import type { BuiltInAi } from '@/lib/builtin';
import { StreamingRestorer, explainCloudFailure, type Redaction } from '@/lib/routing';
import type { ModelDevice } from '@/models';

/** Where an answer was written: every answer says so (issue 14). */
export type AnswerOrigin =
  | { kind: 'device'; modelId: string; device: ModelDevice; tokensPerSecond: number }
  /** Chrome's built-in AI (Gemini Nano), on this device too. */
  | { kind: 'builtin' }
  | {
      kind: 'cloud';
      provider: string;
      model: string;
      tokensSent: number;
      /** The provider sent no usage: `tokensSent` is estimated from bytes. */
      tokensEstimated: boolean;
      redactions: number;
    };

/** What an answer needs of the engine; `askCloud` only for answers routed to the cloud. */
export type AnswerEngine = Pick<EngineAdminApi, 'generate' | 'cancel'> & Partial<Pick<EngineAdminApi, 'askCloud'>>;

/**
 * An agreed cloud request: the provider the consent sheet named, the page's site for the
 * egress log, and the redactions whose placeholders are restored in the streamed reply.
 * The messages of the request are already redacted.
 */
export interface CloudRoute {
  provider: CloudProvider;
  site: string | null;
  redactions: readonly Redaction[];
}

/** A cloud answer that failed, in plain words; the text that arrived was streamed and is kept by the caller. */
export class CloudAnswerError extends Error {
  override name = 'CloudAnswerError';
  constructor(
    readonly failure: CloudFailure,
    readonly provider: string,
    /** Where it was sent (a failed request still left the device), when it was. */
    readonly origin: AnswerOrigin | null = null,
  ) {
    super(explainCloudFailure(failure, provider));
  }
}

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
  /** Send to the cloud provider instead of this device's model (agreed and redacted already). */
  cloud?: CloudRoute;
  /** Answer with Chrome's built-in AI instead of this device's model. */
  builtIn?: Pick<BuiltInAi, 'answer'>;
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
    if (request.cloud) return await streamCloudAnswer(engine, request, request.cloud, requestId);
    if (request.builtIn) {
      const answer = await request.builtIn.answer(request.messages, (piece) => onText?.(piece), signal);
      return {
        text: answer.text,
        stopped: answer.stopped,
        finishReason: answer.stopped ? 'cancelled' : 'stop',
        promptTokens: answer.promptTokens,
        completionTokens: 0,
        ttftMs: 0,
        totalMs: answer.totalMs,
        origin: { kind: 'builtin' },
      };
    }
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
      origin: result.device
        ? { kind: 'device', modelId: result.modelId, device: result.device, tokensPerSecond: result.tokensPerSecond }
        : null,
    };
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

/** The cloud half of {@link streamAnswer}: placeholders restored as the reply streams, failures thrown after it. */
async function streamCloudAnswer(
  engine: AnswerEngine,
  request: AnswerRequest,
  route: CloudRoute,
  requestId: string,
): Promise<Answer> {
  if (!engine.askCloud) throw new Error('This engine cannot send to a cloud provider.');
  const restorer = new StreamingRestorer(route.redactions);
  let shown = '';
  const show = (text: string) => {
    if (!text) return;
    shown += text;
    request.onText?.(text);
  };
  const result = await engine.askCloud(
    {
      requestId,
      feature: request.feature,
      site: route.site,
      provider: route.provider,
      messages: request.messages,
      maxNewTokens: request.maxNewTokens,
      redactions: route.redactions.length,
    },
    Comlink.proxy((piece: string) => show(restorer.push(piece))),
  );
  show(restorer.flush());
  const origin: AnswerOrigin = {
    kind: 'cloud',
    provider: result.provider.name,
    model: result.provider.model,
    tokensSent: result.promptTokens,
    tokensEstimated: result.tokensEstimated,
    redactions: route.redactions.length,
  };
  if (result.error) {
    const sent = result.bytesSent > 0 ? origin : null;
    throw new CloudAnswerError(result.error, route.provider.name, sent);
  }
  return {
    text: shown,
    stopped: result.finishReason === 'cancelled',
    finishReason: result.finishReason === 'error' ? 'stop' : result.finishReason,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    ttftMs: result.ttftMs,
    totalMs: result.totalMs,
    origin,
  };
}
