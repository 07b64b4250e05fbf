/**
 * One generation on a loaded model: chat template, streaming, stop-within-one-token,
 * and the timings callers show (TTFT, tokens/s).
 */
import {
  InterruptableStoppingCriteria,
  TextStreamer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import type { ModelDevice } from '@/models';
import type { ChunkListener, FinishReason, GenerateRequest, GenerateResult } from './api';

/** Default answer budget when the caller sets none. */
export const DEFAULT_MAX_NEW_TOKENS = 512;

/** Thrown when the prompt alone fills the model's window; callers should chunk. */
export class ContextOverflowError extends Error {
  override name = 'ContextOverflowError';
}

export interface LoadedModel {
  modelId: string;
  device: ModelDevice;
  model: PreTrainedModel;
  tokenizer: PreTrainedTokenizer;
  contextWindow: number;
}

/** A request in flight; `stopper.interrupt()` ends it after the current token. */
export interface RunningRequest {
  stopper: InterruptableStoppingCriteria;
  cancelled: boolean;
}

/**
 * Special-token strings (role markers, end of text) inside message text, made inert with a
 * space after their first character (`< |im_end|>`). Why: the chat template is rendered to
 * text and then tokenized, so a page (or a pasted text) holding "<|im_end|><|im_start|>system"
 * would otherwise become real role tokens and write its own turns into the prompt. A plain
 * space, not an invisible character: extraction strips those from pages, and a model reads
 * a space as the ordinary text it is.
 */
export function defuseSpecialTokens(text: string, specials: readonly string[]): string {
  let out = text;
  for (const token of specials) {
    if (token.length > 1 && out.includes(token)) out = out.replaceAll(token, `${token[0]} ${token.slice(1)}`);
  }
  return out;
}

const markerTokens = new WeakMap<PreTrainedTokenizer, string[]>();

const isAddedToken = (t: unknown): t is { content: string } =>
  typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>).content === 'string';

/**
 * Every token string a page could use to write structure into the prompt: the special
 * tokens, and every added token that looks like markup. Added tokens are matched whole by
 * the tokenizer even when not flagged special (Qwen3's `<think>`, `<tool_call>`), so they
 * need defusing too. Added tokens without markup characters are ordinary words and stay.
 */
export function markerTokensOf(tokenizer: PreTrainedTokenizer): string[] {
  let markers = markerTokens.get(tokenizer);
  if (!markers) {
    // tokenizer.json as loaded (typed `any` by transformers.js): read defensively.
    const added: unknown = tokenizer._tokenizerJSON?.added_tokens;
    const contents = Array.isArray(added) ? added.filter(isAddedToken).map((t) => t.content) : [];
    markers = [...new Set([...tokenizer.all_special_tokens, ...contents.filter((c) => /[<>|[\]]/.test(c))])];
    markerTokens.set(tokenizer, markers);
  }
  return markers;
}

/** Tokens the chat template turns `messages` into, with the generation prompt. */
export function tokenizeChat(tokenizer: PreTrainedTokenizer, messages: GenerateRequest['messages']) {
  const specials = markerTokensOf(tokenizer);
  const safe = messages.map((m) => ({ role: m.role, content: defuseSpecialTokens(m.content, specials) }));
  return tokenizer.apply_chat_template(safe, {
    add_generation_prompt: true,
    return_dict: true,
  }) as { input_ids: Tensor; attention_mask: Tensor };
}

/** Runs `request` to completion (or cancellation), streaming text pieces to `onChunk`. */
export async function runGeneration(
  loaded: LoadedModel,
  request: GenerateRequest,
  running: RunningRequest,
  onChunk: ChunkListener | undefined,
  queuedMs: number,
): Promise<GenerateResult> {
  const started = performance.now();
  const inputs = tokenizeChat(loaded.tokenizer, request.messages);
  const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
  const room = loaded.contextWindow - promptTokens;
  if (room <= 0) {
    throw new ContextOverflowError(
      `The prompt is ${promptTokens} tokens, but the model's context window is ${loaded.contextWindow}. Split the text into smaller parts.`,
    );
  }
  const maxNewTokens = Math.min(request.maxNewTokens ?? DEFAULT_MAX_NEW_TOKENS, room);
  let completionTokens = 0;
  let firstTokenAt = 0;
  let text = '';
  const streamer = new TextStreamer(loaded.tokenizer, {
    skip_prompt: true,
    skip_special_tokens: true,
    token_callback_function: () => {
      completionTokens++;
      if (completionTokens === 1) firstTokenAt = performance.now();
    },
    callback_function: (piece: string) => {
      if (!piece) return;
      text += piece;
      onChunk?.(piece);
    },
  });
  const temperature = request.temperature ?? 0;
  await loaded.model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    min_new_tokens: request.minNewTokens,
    do_sample: temperature > 0,
    temperature: temperature > 0 ? temperature : undefined,
    top_p: request.topP,
    streamer,
    stopping_criteria: running.stopper,
  });
  const ended = performance.now();
  const finishReason: FinishReason = running.cancelled
    ? 'cancelled'
    : completionTokens >= maxNewTokens
      ? 'length'
      : 'stop';
  const decodeMs = ended - firstTokenAt;
  return {
    requestId: request.requestId,
    modelId: loaded.modelId,
    device: loaded.device,
    text,
    finishReason,
    promptTokens,
    completionTokens,
    ttftMs: firstTokenAt ? firstTokenAt - started : 0,
    queuedMs,
    totalMs: ended - started,
    tokensPerSecond: completionTokens > 1 && decodeMs > 0 ? ((completionTokens - 1) * 1000) / decodeMs : 0,
  };
}

/** The result of a request cancelled while it was still queued. */
export function cancelledBeforeStart(requestId: string, queuedMs: number): GenerateResult {
  return {
    requestId,
    modelId: '',
    device: null,
    text: '',
    finishReason: 'cancelled',
    promptTokens: 0,
    completionTokens: 0,
    ttftMs: 0,
    queuedMs,
    totalMs: 0,
    tokensPerSecond: 0,
  };
}
