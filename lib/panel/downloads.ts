/**
 * Model downloads started from the panel, shared by every view that shows them (the
 * model offer in chat and in summaries, the model manager): progress, speed and time
 * left, cancel, and the last error. Downloads run in the engine; this only starts and
 * watches them. Only the model gate and the model manager start one, on a user's click.
 */
import * as Comlink from 'comlink';
import type { DownloadProgress, EngineAdminApi } from '@/lib/engine';
import { RateMeter, type RateEstimate } from '@/lib/model-manager';
import { Observable, type Readable } from './observable';

export interface DownloadState {
  modelId: string;
  progress: DownloadProgress | null;
  estimate: RateEstimate;
  /** Set when the download failed or was cancelled; the message says what happens next. */
  error: string | null;
  running: boolean;
}

/** What downloads need of the engine. */
export type DownloadEngine = Pick<EngineAdminApi, 'download' | 'cancelDownload'>;

export interface DownloadsDeps {
  engine(): DownloadEngine;
  /** Runs after each download settles, so lists of stored models refresh. */
  settled(modelId: string): Promise<void>;
  now?(): number;
}

export class Downloads {
  /** By model id; a model without an entry has no download running or failed. */
  private readonly current = new Observable<ReadonlyMap<string, DownloadState>>(new Map());

  constructor(private readonly deps: DownloadsDeps) {}

  get state(): Readable<ReadonlyMap<string, DownloadState>> {
    return this.current;
  }

  get(modelId: string): DownloadState | undefined {
    return this.current.value.get(modelId);
  }

  /** Starts (or resumes) a download; resolves true once every file is stored. */
  async start(modelId: string): Promise<boolean> {
    if (this.get(modelId)?.running) return false;
    const now = this.deps.now ?? (() => performance.now());
    const meter = new RateMeter();
    this.put({
      modelId,
      progress: null,
      estimate: { bytesPerSecond: 0, secondsLeft: null },
      error: null,
      running: true,
    });
    try {
      await this.deps.engine().download(
        modelId,
        {},
        Comlink.proxy((progress: DownloadProgress) => {
          const estimate = meter.sample(progress.loaded, progress.total, now());
          const state = this.get(modelId);
          if (state) this.put({ ...state, progress, estimate });
        }),
      );
      this.drop(modelId);
      return true;
    } catch (error) {
      const state = this.get(modelId);
      const message = error instanceof Error ? error.message : String(error);
      if (state) this.put({ ...state, running: false, error: message });
      return false;
    } finally {
      await this.deps.settled(modelId);
    }
  }

  /** Stops a download; with the engine gone it has stopped already (its call failed). */
  cancel(modelId: string): void {
    try {
      void this.deps
        .engine()
        .cancelDownload(modelId)
        .catch(() => undefined);
    } catch {
      // Not connected: nothing is downloading.
    }
  }

  private put(state: DownloadState): void {
    this.current.set(new Map(this.current.value).set(state.modelId, state));
  }

  private drop(modelId: string): void {
    const next = new Map(this.current.value);
    next.delete(modelId);
    this.current.set(next);
  }
}
