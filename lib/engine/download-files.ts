/**
 * The byte-level half of a download: reading one file with progress, and summing the
 * progress of every file into the events the engine broadcasts.
 */
import type { DownloadProgress, FileProgress } from './api';
import { publishedSha256 } from './model-cache';
import type { VerifiedFetch } from './verified-fetch';

/** Emit progress at most this often per file, so a fast download does not flood the port. */
const PROGRESS_INTERVAL_MS = 100;

/** One file of a download plan: already stored, or to fetch (with its size from a HEAD request). */
export interface PlannedFile {
  file: string;
  url: string;
  size: number;
  contentType: string;
  cached: boolean;
}

/** A file read whole, with the SHA-256 its host published (null when it published none). */
export interface FetchedFile {
  bytes: Uint8Array;
  publishedSha256: string | null;
}

/** Reads one file into memory with progress; the verified fetch fails a body that ends early. */
export async function fetchFile(
  file: PlannedFile,
  ctx: { fetcher: VerifiedFetch; signal: AbortSignal },
  onBytes: (loaded: number) => void,
): Promise<FetchedFile> {
  const response = await ctx.fetcher.fetch(file.url, { signal: ctx.signal });
  if (!response.ok || !response.body) throw new Error(`${file.file}: the model host answered ${response.status}`);
  const declared = Number(response.headers.get('content-length')) || file.size;
  let buffer = new Uint8Array(declared || 1024 * 1024);
  let loaded = 0;
  let lastEmit = 0;
  const reader = response.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      // The network layer says only "terminated" or the like; say which file and how far.
      throw new Error(
        `${file.file}: the download stopped at ${loaded} of ${declared || '?'} bytes (${error instanceof Error ? error.message : String(error)}). Nothing of this file was saved; try again.`,
        { cause: error },
      );
    }
    const { done, value } = chunk;
    if (done) break;
    if (loaded + value.byteLength > buffer.byteLength) {
      const grown = new Uint8Array(Math.max(buffer.byteLength * 2, loaded + value.byteLength));
      grown.set(buffer.subarray(0, loaded));
      buffer = grown;
    }
    buffer.set(value, loaded);
    loaded += value.byteLength;
    const now = performance.now();
    if (now - lastEmit >= PROGRESS_INTERVAL_MS) {
      lastEmit = now;
      onBytes(loaded);
    }
  }
  return { bytes: buffer.subarray(0, loaded), publishedSha256: publishedSha256(response.headers) };
}

/** Sums per-file bytes into the events the engine broadcasts. */
export class ProgressTracker {
  private readonly files: Record<string, FileProgress> = {};

  constructor(
    private readonly modelId: string,
    plan: PlannedFile[],
    private readonly emit: (progress: DownloadProgress) => void,
  ) {
    for (const f of plan) {
      this.files[f.file] = {
        file: f.file,
        loaded: f.cached ? f.size : 0,
        total: f.size,
        source: f.cached ? 'cache' : 'network',
      };
    }
    const first = plan.find((f) => !f.cached) ?? plan[0];
    if (first) this.send(first.file);
  }

  update(file: string, loaded: number, finished = false): void {
    const current = this.files[file]!;
    this.files[file] = { ...current, loaded, total: finished ? loaded : Math.max(current.total, loaded) };
    this.send(file);
  }

  private send(file: string): void {
    const all = Object.values(this.files);
    this.emit({
      modelId: this.modelId,
      current: this.files[file]!,
      files: { ...this.files },
      loaded: all.reduce((sum, f) => sum + f.loaded, 0),
      total: all.reduce((sum, f) => sum + f.total, 0),
    });
  }
}
