/**
 * The model host: one loaded model at a time, a serial request queue, cancellation,
 * status for every watcher, and unloading when idle. Runs in the offscreen document
 * (or in Node for tests); callers reach it through `lib/messaging`.
 */
import { InterruptableStoppingCriteria } from '@huggingface/transformers';
import type { Settings } from '@/lib/settings';
import type {
  CachedModel,
  ChunkListener,
  EngineAdminApi,
  EngineStatus,
  GenerateRequest,
  GenerateResult,
  LoadOptions,
  LoadResult,
  ProgressListener,
  StatusListener,
} from './api';
import type { DeviceCapabilities } from './device';
import { runGeneration, type RunningRequest } from './generation';
import { parseModelFileUrl, type ModelCache } from './model-cache';
import { loadModel, type LoadedHandle } from './model-loader';
import { SerialQueue } from './serial-queue';
import { StatusHub } from './status-hub';
import type { VerifiedFetch } from './verified-fetch';

export interface EngineDeps {
  cache: ModelCache;
  fetcher: VerifiedFetch;
  /** Read at every load, so a changed model host or device applies without a restart. */
  settings: () => Promise<Settings>;
  capabilities: () => Promise<DeviceCapabilities>;
}

/** Thrown by `generate` when nothing is loaded and the request names no model. */
export class NoModelLoadedError extends Error {
  override name = 'NoModelLoadedError';
}

export class LocalEngine implements EngineAdminApi {
  private loaded: LoadedHandle | undefined;
  private readonly hub = new StatusHub();
  private readonly queue = new SerialQueue();
  private readonly requests = new Map<string, RunningRequest>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: EngineDeps) {}

  async status(): Promise<EngineStatus> {
    return this.hub.status;
  }

  async watchStatus(listener: StatusListener): Promise<() => void> {
    return this.hub.watch(listener);
  }

  load(modelId: string, options: LoadOptions = {}, onProgress?: ProgressListener): Promise<LoadResult> {
    return this.queue.run(() => this.loadNow(modelId, options, onProgress));
  }

  generate(request: GenerateRequest, onChunk?: ChunkListener): Promise<GenerateResult> {
    if (this.requests.has(request.requestId)) {
      return Promise.reject(new Error(`Request id "${request.requestId}" is already in use.`));
    }
    const running: RunningRequest = { stopper: new InterruptableStoppingCriteria(), cancelled: false };
    this.requests.set(request.requestId, running);
    const enqueued = performance.now();
    return this.queue
      .run(async () => {
        const queuedMs = performance.now() - enqueued;
        if (running.cancelled) return cancelledBeforeStart(request.requestId, queuedMs);
        const loaded = await this.ensureModel(request.modelId);
        this.setStatus({
          state: 'generating',
          modelId: loaded.modelId,
          device: loaded.device,
          requestId: request.requestId,
        });
        try {
          return await runGeneration(loaded, request, running, onChunk, queuedMs);
        } finally {
          this.setReady(loaded);
        }
      })
      .finally(() => {
        this.requests.delete(request.requestId);
        this.armIdleUnload();
      });
  }

  async countTokens(texts: string[]): Promise<number[]> {
    const loaded = this.loaded;
    if (!loaded) throw new NoModelLoadedError('No model is loaded. Load a model before counting tokens.');
    return texts.map((text) => loaded.tokenizer.encode(text, { add_special_tokens: false }).length);
  }

  async cancel(requestId: string): Promise<boolean> {
    const running = this.requests.get(requestId);
    if (!running) return false;
    running.cancelled = true;
    running.stopper.interrupt();
    return true;
  }

  unload(): Promise<void> {
    return this.queue.run(() => this.unloadNow());
  }

  listCached(): Promise<CachedModel[]> {
    return this.deps.cache.list();
  }

  deleteCached(modelId: string): Promise<number> {
    return this.queue.run(async () => {
      if (this.loaded?.modelId === modelId) await this.unloadNow();
      return this.deps.cache.deleteModel(modelId);
    });
  }

  private async ensureModel(modelId: string | undefined): Promise<LoadedHandle> {
    if (modelId && this.loaded?.modelId !== modelId) await this.loadNow(modelId, {});
    if (!this.loaded) throw new NoModelLoadedError('No model is loaded. Load a model before generating.');
    return this.loaded;
  }

  private async loadNow(modelId: string, options: LoadOptions, onProgress?: ProgressListener): Promise<LoadResult> {
    const started = performance.now();
    const settings = await this.deps.settings();
    const same = this.loaded;
    if (
      same?.modelId === modelId &&
      (!options.device || options.device === 'auto' || options.device === same.device) &&
      (!options.dtype || options.dtype === same.dtype)
    ) {
      return { ...describeLoaded(same), downloadedFiles: [], loadMs: 0 };
    }
    await this.unloadNow();
    this.deps.fetcher.reset();
    try {
      const loaded = await loadModel(modelId, options, {
        settings,
        capabilities: await this.deps.capabilities(),
        fetcher: this.deps.fetcher,
        onProgress: (progress) => {
          if (progress.current.source === 'network') this.setStatus({ state: 'downloading', modelId, progress });
          onProgress?.(progress);
        },
        onLoading: (device) => this.setStatus({ state: 'loading', modelId, device }),
      });
      this.loaded = loaded;
      this.setReady(loaded);
      this.armIdleUnload(settings);
      const downloadedFiles = [
        ...new Set(this.deps.fetcher.fetched.flatMap((url) => parseModelFileUrl(url)?.file ?? [])),
      ];
      return { ...describeLoaded(loaded), downloadedFiles, loadMs: performance.now() - started };
    } catch (error) {
      this.setStatus({ state: 'error', modelId, message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  private async unloadNow(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    clearTimeout(this.idleTimer);
    if (loaded) await loaded.model.dispose();
    this.setStatus({ state: 'idle' });
  }

  /** Restarts the idle countdown; a model unused for `idleUnloadMinutes` is unloaded to free memory. */
  private armIdleUnload(known?: Settings): void {
    clearTimeout(this.idleTimer);
    if (!this.loaded || this.queue.size > 0) return;
    void (known ? Promise.resolve(known) : this.deps.settings()).then(({ idleUnloadMinutes }) => {
      if (!idleUnloadMinutes || !this.loaded || this.queue.size > 0) return;
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.unload(), idleUnloadMinutes * 60_000);
    });
  }

  private setReady(loaded: LoadedHandle): void {
    this.setStatus({ state: 'ready', modelId: loaded.modelId, device: loaded.device, dtype: loaded.dtype });
  }

  private setStatus(status: EngineStatus): void {
    this.hub.set(status);
  }
}

function describeLoaded(loaded: LoadedHandle): Omit<LoadResult, 'downloadedFiles' | 'loadMs'> {
  const { modelId, device, dtype, contextWindow, fallbackReason } = loaded;
  return fallbackReason
    ? { modelId, device, dtype, contextWindow, fallbackReason }
    : { modelId, device, dtype, contextWindow };
}

function cancelledBeforeStart(requestId: string, queuedMs: number): GenerateResult {
  return {
    requestId,
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
