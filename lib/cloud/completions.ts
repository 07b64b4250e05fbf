/**
 * One streamed request to an OpenAI-compatible `chat/completions` endpoint (hosted
 * providers, Ollama, LM Studio, vLLM, llama.cpp's server): the exact body, the stream read
 * as it arrives, and every way it can fail as plain data, so the partial text is kept and
 * the panel can say what happened. Runs in the offscreen document: no chrome.i18n here.
 * https://platform.openai.com/docs/api-reference/chat/create
 */
import type { ChatMessage, CloudFailure, CloudFailureKind, CloudProvider } from '@/lib/engine';
import { SseParser } from './sse';

export interface CloudOutcome {
  /** Everything that arrived, also when it failed or was stopped. */
  text: string;
  finishReason: 'stop' | 'length' | 'cancelled' | 'error';
  /** From the last chunk's `usage` (`stream_options.include_usage`); null when the server sent none. */
  usage: { promptTokens: number; completionTokens: number } | null;
  status: number;
  bytesReceived: number;
  error: CloudFailure | null;
}

export interface CompletionCall {
  provider: CloudProvider;
  apiKey: string | null;
  /** The exact body to send ({@link completionBody}): what the consent sheet showed. */
  body: string;
  signal: AbortSignal;
  onText(piece: string): void;
  /** No byte for this long (before the headers or between chunks) ends the request as `timeout`. */
  idleTimeoutMs: number;
  fetch?: typeof fetch;
}

/** The request body: the messages as given, streamed, with token usage asked for. */
export function completionBody(model: string, messages: readonly ChatMessage[], maxTokens: number): string {
  return JSON.stringify({
    model,
    messages: messages.map(({ role, content }) => ({ role, content })),
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: maxTokens,
  });
}

/** The endpoint for `baseUrl` (which ends with `/`). */
export function completionsUrl(baseUrl: string): string {
  return new URL('chat/completions', baseUrl).href;
}

/** Sends one request and streams its answer. Never rejects: failures are in `error`. */
export async function streamCompletion(call: CompletionCall): Promise<CloudOutcome> {
  const outcome: CloudOutcome = {
    text: '',
    finishReason: 'error',
    usage: null,
    status: 0,
    bytesReceived: 0,
    error: null,
  };
  const idle = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), call.idleTimeoutMs);
  };
  const signal = AbortSignal.any([call.signal, idle.signal]);
  const fail = (kind: CloudFailureKind, detail: string, retryAfterSeconds: number | null = null) => {
    outcome.finishReason = 'error';
    outcome.error = { kind, status: outcome.status, retryAfterSeconds, detail: detail.slice(0, 300) };
    return outcome;
  };
  const stopped = () => {
    if (call.signal.aborted) {
      outcome.finishReason = 'cancelled';
      return outcome;
    }
    return fail('timeout', `no data for ${Math.round(call.idleTimeoutMs / 1000)} s`);
  };
  touch();
  try {
    let response: Response;
    try {
      response = await (call.fetch ?? fetch)(completionsUrl(call.provider.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(call.apiKey ? { authorization: `Bearer ${call.apiKey}` } : {}),
        },
        body: call.body,
        signal,
        // The key is the only credential: no cookies of the provider's site go along.
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (error) {
      if (signal.aborted) return stopped();
      return fail('network', error instanceof Error ? error.message : String(error));
    }
    outcome.status = response.status;
    if (!response.ok || !response.body) {
      const detail = await errorDetail(response, signal).catch(() => '');
      const kind = failureKind(response.status);
      return fail(kind, detail, kind === 'rateLimit' ? retryAfter(response.headers.get('retry-after')) : null);
    }
    return await readStream(response.body, outcome, call, touch, signal, fail, stopped);
  } finally {
    clearTimeout(timer);
  }
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  outcome: CloudOutcome,
  call: CompletionCall,
  touch: () => void,
  signal: AbortSignal,
  fail: (kind: CloudFailureKind, detail: string) => CloudOutcome,
  stopped: () => CloudOutcome,
): Promise<CloudOutcome> {
  const reader = body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const decoder = new TextDecoder();
  const parser = new SseParser();
  let finish: 'stop' | 'length' | null = null;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal.aborted) return stopped();
        return fail('cut', error instanceof Error ? error.message : String(error));
      }
      if (signal.aborted) return stopped();
      if (chunk.done) break;
      touch();
      outcome.bytesReceived += chunk.value.byteLength;
      for (const data of parser.push(decoder.decode(chunk.value, { stream: true }))) {
        if (data === '[DONE]') {
          outcome.finishReason = finish ?? 'stop';
          return outcome;
        }
        const event = parseEvent(data);
        if (event.error) return fail('server', event.error);
        if (event.text) {
          outcome.text += event.text;
          call.onText(event.text);
        }
        if (event.finish) finish = event.finish;
        if (event.usage) outcome.usage = event.usage;
      }
    }
    parser.push(decoder.decode());
    parser.end();
    return fail('cut', 'the stream ended before [DONE]');
  } finally {
    signal.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}

interface StreamEvent {
  text: string;
  finish: 'stop' | 'length' | null;
  usage: CloudOutcome['usage'];
  error: string | null;
}

/** One `data:` payload. Unknown fields are ignored; a payload that is not JSON is an error. */
function parseEvent(data: string): StreamEvent {
  const event: StreamEvent = { text: '', finish: null, usage: null, error: null };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    event.error = `not JSON: ${data.slice(0, 80)}`;
    return event;
  }
  if (!isRecord(json)) return event;
  if (json.error !== undefined) {
    event.error = messageOf(json.error);
    return event;
  }
  const choice = Array.isArray(json.choices) && isRecord(json.choices[0]) ? json.choices[0] : null;
  const delta = choice && isRecord(choice.delta) ? choice.delta : null;
  if (delta && typeof delta.content === 'string') event.text = delta.content;
  if (choice?.finish_reason === 'length') event.finish = 'length';
  else if (typeof choice?.finish_reason === 'string') event.finish = 'stop';
  if (isRecord(json.usage)) {
    const { prompt_tokens: prompt, completion_tokens: completion } = json.usage;
    if (typeof prompt === 'number' && typeof completion === 'number') {
      event.usage = { promptTokens: prompt, completionTokens: completion };
    }
  }
  return event;
}

function failureKind(status: number): CloudFailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rateLimit';
  if (status >= 500) return 'server';
  return 'refused';
}

/** `retry-after` as seconds: a number of seconds, or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The provider's error message from an error response (OpenAI's `{error: {message}}`, or the text). */
async function errorDetail(response: Response, signal: AbortSignal): Promise<string> {
  if (signal.aborted) return '';
  const text = (await response.text()).slice(0, 4000);
  try {
    const json: unknown = JSON.parse(text);
    if (isRecord(json) && json.error !== undefined) return messageOf(json.error);
  } catch {
    // Not JSON: the text itself.
  }
  return text.trim();
}

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return JSON.stringify(error).slice(0, 300);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
