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
  DownloadResult,
  DeviceEngineApi,
  EngineStatus,
  GenerateRequest,
  GenerateResult,
  HostCheck,
  LoadOptions,
  LoadResult,
  ProgressListener,
  StatusListener,
  UnloadNote,
} from './api';
import { storedWhole, type DeviceCapabilities } from '@/lib/device';
import { downloadModel, downloadTarget } from './downloader';
import { cancelledBeforeStart, runGeneration, type RunningRequest } from './generation';
import { checkModelHost } from './host-check';
import { IdleUnloader } from './idle-unload';
import { parseModelFileUrl, type ModelCache } from './model-cache';
import { describeLoaded, loadModel, type LoadedHandle } from './model-loader';
import { SerialQueue } from './serial-queue';
import { StatusHub } from './status-hub';
import type { VerifiedFetch } from './verified-fetch';

export interface EngineDeps {
  cache: ModelCache;
  fetcher: VerifiedFetch;
  /** Read at every load, so a changed model host or device applies without a restart. */
  settings: () => Promise<Settings>;
  capabilities: () => Promise<DeviceCapabilities>;
  /** Free space, where the platform can tell (`navigator.storage.estimate`). */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** Thrown by `generate` when nothing is loaded and the request names no model. */
export class NoModelLoadedError extends Error {
  override name = 'NoModelLoadedError';
}

/** Thrown when an answer names a model that is not stored whole: answers never download. */
export class ModelNotStoredError extends Error {
  override name = 'ModelNotStoredError';
}

export class LocalEngine implements DeviceEngineApi {
  private loaded: LoadedHandle | undefined;
  /** The model host the loaded model's files came from: another host's model of that name is another model. */
  private loadedHost = '';
  private readonly hub = new StatusHub();
  private readonly queue = new SerialQueue();
  private readonly requests = new Map<string, RunningRequest>();
  /** Downloads queued or running, by model id; aborting one cancels it. */
  private readonly downloads = new Map<string, AbortController>();
  private readonly idle = new IdleUnloader(
    async () => (await this.deps.settings()).idleUnloadMinutes,
    () => this.loaded !== undefined && this.queue.size === 0,
    () => void this.queue.run(() => this.unloadNow('idle')),
  );

  constructor(private readonly deps: EngineDeps) {}

  async status(): Promise<EngineStatus> {
    return this.hub.status;
  }

  async watchStatus(listener: StatusListener): Promise<() => void> {
    return this.hub.watch(listener);
  }

  load(modelId: string, options: LoadOptions = {}, onProgress?: ProgressListener): Promise<LoadResult> {
    return this.queue.run(async () => {
      // Even a loaded model: a changed model host would load it again, from the new host.
      if (options.storedOnly && !(await this.isStoredWhole(modelId))) {
        throw notStored(modelId);
      }
      return this.loadNow(modelId, options, onProgress);
    });
  }

  generate(request: GenerateRequest, onChunk?: ChunkListener): Promise<GenerateResult> {
    if (this.requests.has(request.requestId)) {
      return Promise.reject(new Error(`Request id "${request.requestId}" is already in use.`));
    }
    this.idle.cancel();
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
        this.idle.arm();
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
    return this.queue.run(() => this.unloadNow('request'));
  }

  download(modelId: string, options: LoadOptions = {}, onProgress?: ProgressListener): Promise<DownloadResult> {
    if (this.downloads.has(modelId)) return Promise.reject(new Error(`${modelId} is already downloading.`));
    const abort = new AbortController();
    this.downloads.set(modelId, abort);
    return this.queue
      .run(async () => {
        const settings = await this.deps.settings();
        this.deps.fetcher.reset();
        try {
          return await downloadModel(modelId, options, {
            settings,
            capabilities: await this.deps.capabilities(),
            cache: this.deps.cache,
            fetcher: this.deps.fetcher,
            signal: abort.signal,
            estimate: this.deps.estimate,
            onProgress: (progress) => {
              this.setStatus({ state: 'downloading', modelId, progress });
              onProgress?.(progress);
            },
          });
        } finally {
          this.setSettled();
        }
      })
      .finally(() => {
        this.downloads.delete(modelId);
        this.idle.arm();
      });
  }

  async cancelDownload(modelId: string): Promise<boolean> {
    const abort = this.downloads.get(modelId);
    abort?.abort();
    return Boolean(abort);
  }

  /**
   * Re-reads settings that apply to a loaded model (device, dtype, the idle-unload timer)
   * after they change. The offscreen document calls it on every save (`watchChanges('settings')`).
   */
  async applySettings(): Promise<void> {
    const loaded = this.loaded;
    if (loaded) {
      // A new host, device or dtype applies to the next load: unload a model loaded the old way
      // (a model of the same name on another host is another model).
      const settings = await this.deps.settings();
      const wanted = downloadTarget(loaded.modelId, {}, settings, await this.deps.capabilities());
      const moved = settings.modelHost !== this.loadedHost;
      if (moved || wanted.device !== loaded.device || (wanted.dtype ?? 'default') !== loaded.dtype) {
        return this.queue.run(() => this.unloadNow('request'));
      }
    }
    this.idle.arm();
  }

  checkHost(host: string, modelId: string): Promise<HostCheck> {
    return checkModelHost(host, modelId);
  }

  async listCached(): Promise<CachedModel[]> {
    return this.deps.cache.list((await this.deps.settings()).modelHost);
  }

  deleteCached(modelId: string): Promise<number> {
    return this.queue
      .run(async () => {
        if (this.loaded?.modelId === modelId) await this.unloadNow('deleted');
        return this.deps.cache.deleteModel(modelId);
      })
      .finally(() => this.idle.arm());
  }

  private async ensureModel(modelId: string | undefined): Promise<LoadedHandle> {
    if (modelId && this.loaded?.modelId !== modelId) {
      // An answer loads from IndexedDB only: a model deleted or switched to another dtype
      // mid-summary must not be fetched again without the user's yes (the panel's model gate).
      if (!(await this.isStoredWhole(modelId))) throw notStored(modelId);
      await this.loadNow(modelId, {});
    }
    if (!this.loaded) throw new NoModelLoadedError('No model is loaded. Load a model before generating.');
    return this.loaded;
  }

  /** Whether every file of `modelId` is stored for the dtype a load here would use. */
  private async isStoredWhole(modelId: string): Promise<boolean> {
    const [settings, caps, cached] = await Promise.all([
      this.deps.settings(),
      this.deps.capabilities(),
      this.listCached(),
    ]);
    const { dtype } = downloadTarget(modelId, {}, settings, caps);
    return storedWhole(
      cached.find((m) => m.modelId === modelId),
      dtype,
    );
  }

  private async loadNow(modelId: string, options: LoadOptions, onProgress?: ProgressListener): Promise<LoadResult> {
    const started = performance.now();
    const settings = await this.deps.settings();
    const same = this.loaded;
    if (
      same?.modelId === modelId &&
      this.loadedHost === settings.modelHost &&
      (!options.device || options.device === 'auto' || options.device === same.device) &&
      (!options.dtype || options.dtype === same.dtype)
    ) {
      return { ...describeLoaded(same), downloadedFiles: [], loadMs: 0 };
    }
    await this.unloadNow('request');
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
      this.loadedHost = settings.modelHost;
      await this.deps.cache.markComplete(modelId, settings.modelHost, loaded.dtype);
      this.setReady(loaded);
      this.idle.arm(settings.idleUnloadMinutes);
      const downloadedFiles = [
        ...new Set(this.deps.fetcher.fetched.flatMap((url) => parseModelFileUrl(url)?.file ?? [])),
      ];
      return { ...describeLoaded(loaded), downloadedFiles, loadMs: performance.now() - started };
    } catch (error) {
      this.setStatus({ state: 'error', modelId, message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  private async unloadNow(reason: UnloadNote['reason']): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    this.idle.cancel();
    if (!loaded) {
      if (this.hub.status.state !== 'idle') this.setStatus({ state: 'idle' });
      return;
    }
    await loaded.model.dispose();
    this.setStatus({ state: 'idle', unloaded: { modelId: loaded.modelId, reason, at: Date.now() } });
  }

  /** After a download: back to what the engine was before it (ready with a model, or idle). */
  private setSettled(): void {
    if (this.loaded) this.setReady(this.loaded);
    else if (this.hub.status.state !== 'idle') this.setStatus({ state: 'idle' });
  }

  private setReady(loaded: LoadedHandle): void {
    this.setStatus({ state: 'ready', modelId: loaded.modelId, device: loaded.device, dtype: loaded.dtype });
  }

  private setStatus(status: EngineStatus): void {
    this.hub.set(status);
  }
}

function notStored(modelId: string): ModelNotStoredError {
  return new ModelNotStoredError(
    `${modelId} is not downloaded for this device. Download it in the Edgewise side panel first; nothing was fetched.`,
  );
}
