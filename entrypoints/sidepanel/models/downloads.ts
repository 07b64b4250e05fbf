/**
 * Model downloads started from the panel (the first-run offer or the model manager),
 * shared by every view that shows them: progress, speed and time left, cancel, and the
 * last error. Downloads run in the engine; this only watches them.
 */
import * as Comlink from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import type { DownloadProgress } from '@/lib/engine';
import type { EngineRemote } from '@/lib/messaging';
import { RateMeter, type RateEstimate } from '@/lib/model-manager';

export interface DownloadState {
  modelId: string;
  progress: DownloadProgress | null;
  estimate: RateEstimate;
  /** Set when the download failed or was cancelled; the message says what happens next. */
  error: string | null;
  running: boolean;
}

export class Downloads {
  private readonly states = new Map<string, DownloadState>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly engine: EngineRemote,
    /** Runs after each download settles, so lists of stored models refresh. */
    private readonly onSettled: () => void,
  ) {}

  get(modelId: string): DownloadState | undefined {
    return this.states.get(modelId);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts (or resumes) a download; resolves true once every file is stored. */
  async start(modelId: string): Promise<boolean> {
    if (this.states.get(modelId)?.running) return false;
    const meter = new RateMeter();
    this.set({
      modelId,
      progress: null,
      estimate: { bytesPerSecond: 0, secondsLeft: null },
      error: null,
      running: true,
    });
    try {
      await this.engine.download(
        modelId,
        {},
        Comlink.proxy((progress: DownloadProgress) => {
          const estimate = meter.sample(progress.loaded, progress.total, performance.now());
          this.set({ ...this.states.get(modelId)!, progress, estimate });
        }),
      );
      this.states.delete(modelId);
      this.notify();
      return true;
    } catch (error) {
      this.set({
        ...this.states.get(modelId)!,
        running: false,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    } finally {
      this.onSettled();
    }
  }

  cancel(modelId: string): void {
    void this.engine.cancelDownload(modelId);
  }

  dismiss(modelId: string): void {
    this.states.delete(modelId);
    this.notify();
  }

  private set(state: DownloadState): void {
    this.states.set(state.modelId, state);
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Re-renders the caller whenever a download changes; returns that model's state. */
export function useDownload(downloads: Downloads, modelId: string): DownloadState | undefined {
  const [, setTick] = useState(0);
  useEffect(() => downloads.subscribe(() => setTick((n) => n + 1)), [downloads]);
  return downloads.get(modelId);
}
