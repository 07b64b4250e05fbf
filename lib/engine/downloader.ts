/**
 * Downloading a model into IndexedDB without loading it, for the model manager: exact
 * byte progress over all files (sizes asked up front), cancel, and resume at file level.
 *
 * Why not `from_pretrained`: loading also builds the inference session, which takes the
 * model's whole size in memory (and a GPU device) just to fill the cache.
 */
import { ModelRegistry } from '@huggingface/transformers';
import { findModel, type ModelDevice, type ModelDtype } from '@/models';
import type { Settings } from '@/lib/settings';
import type { DownloadProgress, DownloadResult, LoadOptions } from './api';
import { ProgressTracker, fetchFile, type PlannedFile } from './download-files';
import { chooseDevice, dtypeFor, type DeviceCapabilities } from '@/lib/device';
import { type ModelCache } from './model-cache';
import { explainLoadError, OPTIONAL_FILES, transformersDevice } from './model-loader';
import { modelFileUrl, useModelHost } from './transformers-env';
import type { VerifiedFetch } from './verified-fetch';

/** Thrown when the user cancels a download; complete files are kept for next time. */
export class DownloadCancelledError extends Error {
  override name = 'DownloadCancelledError';
}

/** Thrown when the disk (or the browser's quota) cannot hold the model; nothing of this download is kept. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

export interface DownloadContext {
  settings: Settings;
  capabilities: DeviceCapabilities;
  cache: ModelCache;
  fetcher: VerifiedFetch;
  signal: AbortSignal;
  onProgress(progress: DownloadProgress): void;
  /** `navigator.storage.estimate` where there is one. */
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

/** The device and dtype a load on this browser would use, so the download fetches the same files. */
export function downloadTarget(
  modelId: string,
  options: LoadOptions,
  settings: Settings,
  caps: DeviceCapabilities,
): { device: ModelDevice; dtype: ModelDtype | undefined } {
  const entry = findModel(modelId);
  const device = chooseDevice(options.device ?? settings.device, caps);
  const dtype = dtypeFor(entry, device, caps, settings.dtype, options.dtype);
  return { device, dtype };
}

export async function downloadModel(
  modelId: string,
  options: LoadOptions,
  ctx: DownloadContext,
): Promise<DownloadResult> {
  const started = performance.now();
  useModelHost(ctx.settings.modelHost);
  const { device, dtype } = downloadTarget(modelId, options, ctx.settings, ctx.capabilities);
  // What was stored before: reading the file list may itself store config.json.
  const storedBefore = new Set(await ctx.cache.storedKeys(modelId));
  let plan: PlannedFile[];
  try {
    const files = await ModelRegistry.get_files(modelId, {
      dtype,
      device: transformersDevice(device),
      include_processor: false,
    });
    plan = await planFiles(modelId, files, ctx);
  } catch (error) {
    throw ctx.signal.aborted
      ? cancelled(modelId)
      : explainLoadError(modelId, ctx.settings.modelHost, ctx.fetcher, error);
  }
  await checkSpace(plan, ctx.estimate);

  const progress = new ProgressTracker(modelId, plan, ctx.onProgress);
  // Small files first: a cancel or a dropped connection during the big weights file then
  // leaves every small file complete, and a resume fetches only what is left.
  for (const file of plan.filter((f) => !f.cached).sort((a, b) => a.size - b.size)) {
    try {
      const fetched = await fetchFile(file, ctx, (loaded) => progress.update(file.file, loaded));
      await ctx.cache.putBytes(file.url, fetched.bytes, file.contentType, fetched.publishedSha256);
      progress.update(file.file, fetched.bytes.byteLength, true);
    } catch (error) {
      if (isQuotaError(error)) {
        // A half-fitting model is of no use and holds the space the user needs back.
        for (const key of await ctx.cache.storedKeys(modelId)) {
          if (!storedBefore.has(key)) await ctx.cache.deleteFile(key);
        }
        throw new StorageFullError(
          `There is not enough disk space to store ${modelId} (${file.file} did not fit). Free some space or choose a smaller model; nothing of this download was kept.`,
        );
      }
      if (ctx.signal.aborted) throw cancelled(modelId);
      throw explainLoadError(modelId, ctx.settings.modelHost, ctx.fetcher, error);
    }
  }
  await ctx.cache.markComplete(modelId, ctx.settings.modelHost, dtype ?? 'default');
  return {
    modelId,
    device,
    dtype: dtype ?? 'default',
    files: plan.map((f) => f.file),
    downloadedFiles: plan.filter((f) => !f.cached).map((f) => f.file),
    bytes: plan.reduce((sum, f) => sum + f.size, 0),
    ms: performance.now() - started,
  };
}

/** Which files are already stored, and the size of each missing one (HEAD), before any byte is fetched. */
async function planFiles(modelId: string, files: string[], ctx: DownloadContext): Promise<PlannedFile[]> {
  const plan: PlannedFile[] = [];
  for (const file of files) {
    const url = modelFileUrl(modelId, file);
    const storedSize = await ctx.cache.storedSize(url);
    if (storedSize !== undefined) {
      plan.push({ file, url, size: storedSize, contentType: '', cached: true });
      continue;
    }
    const head = await ctx.fetcher.fetch(url, { method: 'HEAD', signal: ctx.signal });
    if (head.status === 404 && OPTIONAL_FILES.has(file)) continue;
    if (!head.ok) throw new Error(`${file}: the model host answered ${head.status} ${head.statusText}`);
    plan.push({
      file,
      url,
      size: Number(head.headers.get('content-length')) || 0,
      contentType: head.headers.get('content-type') ?? 'application/octet-stream',
      cached: false,
    });
  }
  return plan;
}

async function checkSpace(plan: PlannedFile[], estimate: DownloadContext['estimate']): Promise<void> {
  if (!estimate) return;
  const needed = plan.filter((f) => !f.cached).reduce((sum, f) => sum + f.size, 0);
  const { usage = 0, quota } = await estimate().catch(() => ({ usage: 0, quota: undefined }));
  if (quota !== undefined && needed > quota - usage) {
    throw new StorageFullError(
      `This model needs ${Math.ceil(needed / 1e6)} MB, but only ${Math.floor((quota - usage) / 1e6)} MB of storage is free. Free some space or choose a smaller model.`,
    );
  }
}

function cancelled(modelId: string): DownloadCancelledError {
  return new DownloadCancelledError(
    `The download of ${modelId} was cancelled. Files already complete are kept; the rest downloads next time.`,
  );
}

/** IndexedDB reports a full disk as QuotaExceededError; Dexie keeps the name, sometimes on `inner`. */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}
