/**
 * Cloud requests in the offscreen document (issue 14). Each one is checked against the
 * provider the user configured (the consent sheet's provider must still be it), logged
 * before it is sent, sent exactly as given, and completed in the log with what came back.
 * The key is read here, at send time, and goes only to the origin it was saved for.
 */
import type {
  ChunkListener,
  CloudFailure,
  CloudRequest,
  CloudResult,
  DeviceEngineApi,
  EngineAdminApi,
} from '@/lib/engine';
import { cloudDisplayName, cloudReady, type Settings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { apiKeyFor } from './api-key';
import { completionBody, streamCompletion } from './completions';
import { finishEgress, logEgress } from './egress-log';

export interface CloudEngineDeps {
  db: EdgewiseDatabase;
  settings(): Promise<Settings>;
  fetch?: typeof fetch;
  /** No byte for this long ends a request as timed out. */
  idleTimeoutMs?: number;
  now?(): number;
}

/** About four bytes of text per token: what "estimated" token counts mean when a provider sends no usage. */
export function estimateTokens(bytes: number): number {
  return Math.ceil(bytes / 4);
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).byteLength;

export class CloudEngine {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: CloudEngineDeps) {}

  async ask(request: CloudRequest, onChunk?: ChunkListener): Promise<CloudResult> {
    const now = this.deps.now ?? (() => performance.now());
    const started = now();
    const settings = await this.deps.settings();
    const configured = {
      name: cloudDisplayName(settings),
      baseUrl: settings.cloudBaseUrl,
      model: settings.cloudModel,
    };
    const unsent = (kind: CloudFailure['kind']): CloudResult => ({
      requestId: request.requestId,
      provider: request.provider,
      text: '',
      finishReason: 'error',
      promptTokens: 0,
      completionTokens: 0,
      tokensEstimated: true,
      bytesSent: 0,
      ttftMs: 0,
      totalMs: now() - started,
      error: { kind, status: 0, retryAfterSeconds: null, detail: '' },
    });
    if (!cloudReady(settings)) return unsent('notConfigured');
    if (configured.baseUrl !== request.provider.baseUrl || configured.model !== request.provider.model) {
      return unsent('changed');
    }
    const body = completionBody(configured.model, request.messages, request.maxNewTokens);
    const bytesSent = utf8Bytes(body);
    const abort = new AbortController();
    this.running.set(request.requestId, abort);
    try {
      // Logged before sending: if the log cannot be written, nothing goes.
      const logId = await logEgress(this.deps.db, {
        at: Date.now(),
        provider: configured.name,
        origin: new URL(configured.baseUrl).origin,
        model: configured.model,
        feature: request.feature,
        site: request.site,
        bytesSent,
        tokensSent: estimateTokens(bytesSent),
        bytesReceived: 0,
        tokensReceived: 0,
        tokensEstimated: true,
        redactions: request.redactions,
        status: 'sending',
        httpStatus: 0,
        error: null,
        ms: 0,
      });
      let ttftMs = 0;
      const outcome = await streamCompletion({
        provider: configured,
        apiKey: await apiKeyFor(this.deps.db, configured.baseUrl),
        body,
        signal: abort.signal,
        idleTimeoutMs: this.deps.idleTimeoutMs ?? 60_000,
        fetch: this.deps.fetch,
        onText: (piece) => {
          ttftMs ||= now() - started;
          onChunk?.(piece);
        },
      });
      const usage = outcome.usage;
      const result: CloudResult = {
        requestId: request.requestId,
        provider: configured,
        text: outcome.text,
        finishReason: outcome.finishReason,
        promptTokens: usage?.promptTokens ?? estimateTokens(bytesSent),
        completionTokens: usage?.completionTokens ?? estimateTokens(utf8Bytes(outcome.text)),
        tokensEstimated: !usage,
        bytesSent,
        ttftMs,
        totalMs: now() - started,
        error: outcome.error,
      };
      await finishEgress(this.deps.db, logId, {
        tokensSent: result.promptTokens,
        bytesReceived: outcome.bytesReceived,
        tokensReceived: result.completionTokens,
        tokensEstimated: result.tokensEstimated,
        status: outcome.error ? 'failed' : outcome.finishReason === 'cancelled' ? 'stopped' : 'ok',
        httpStatus: outcome.status,
        error: outcome.error?.kind ?? null,
        ms: Math.round(result.totalMs),
      });
      return result;
    } finally {
      this.running.delete(request.requestId);
    }
  }

  /** Stops a running cloud request; false if there is none with this id. */
  cancel(requestId: string): boolean {
    const abort = this.running.get(requestId);
    abort?.abort();
    return Boolean(abort);
  }
}

/**
 * The offscreen document's one engine: this device's, plus cloud requests. `cancel` stops
 * whichever holds the id.
 */
export function withCloud(device: DeviceEngineApi, cloud: CloudEngine): EngineAdminApi {
  return {
    status: () => device.status(),
    watchStatus: (listener) => device.watchStatus(listener),
    load: (modelId, options, onProgress) => device.load(modelId, options, onProgress),
    generate: (request, onChunk) => device.generate(request, onChunk),
    countTokens: (texts) => device.countTokens(texts),
    cancel: async (requestId) => cloud.cancel(requestId) || device.cancel(requestId),
    unload: () => device.unload(),
    listCached: () => device.listCached(),
    deleteCached: (modelId) => device.deleteCached(modelId),
    download: (modelId, options, onProgress) => device.download(modelId, options, onProgress),
    cancelDownload: (modelId) => device.cancelDownload(modelId),
    checkHost: (host, modelId) => device.checkHost(host, modelId),
    askCloud: (request, onChunk) => cloud.ask(request, onChunk),
  };
}
