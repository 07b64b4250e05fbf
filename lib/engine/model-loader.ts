/**
 * Loading a model with transformers.js: device fallback, per-file progress, and clear
 * errors. The IndexedDB cache and the verified fetch are wired in `configureTransformers`.
 */
import { AutoModelForCausalLM, AutoTokenizer, type ProgressInfo } from '@huggingface/transformers';
import { findModel, type ModelDevice, type ModelDtype } from '@/models';
import type { Settings } from '@/lib/settings';
import type { DownloadProgress, FileProgress, LoadOptions, LoadResult } from './api';
import { chooseDevice, dtypeFor, type DeviceCapabilities } from '@/lib/device';
import type { LoadedModel } from './generation';
import { parseModelFileUrl } from './model-cache';
import { useModelHost } from './transformers-env';
import type { VerifiedFetch } from './verified-fetch';
import { yieldBetweenRuns } from './yield-between-runs';

/**
 * transformers.js names the CPU backend "wasm" in browsers and "cpu" in Node
 * (onnxruntime-node), where the engine runs for tests and benchmarks.
 */
const CPU_DEVICE = typeof process !== 'undefined' && process.versions?.node ? 'cpu' : 'wasm';

/** transformers.js's name for a device here. */
export function transformersDevice(device: ModelDevice): 'webgpu' | 'wasm' | 'cpu' {
  return device === 'wasm' ? CPU_DEVICE : device;
}

/** Files transformers.js asks for but does without. */
export const OPTIONAL_FILES: ReadonlySet<string> = new Set(['generation_config.json']);

/** Window assumed for an uncatalogued model whose config does not say. */
const FALLBACK_CONTEXT_WINDOW = 2048;

export interface LoadedHandle extends LoadedModel {
  modelId: string;
  device: ModelDevice;
  dtype: ModelDtype | 'default';
  fallbackReason?: string;
}

export interface LoadContext {
  settings: Settings;
  capabilities: DeviceCapabilities;
  fetcher: VerifiedFetch;
  onProgress: (progress: DownloadProgress) => void;
  onLoading: (device: ModelDevice) => void;
}

/** Thrown when a model cannot be fetched or opened; the message names the model and the host. */
export class ModelLoadError extends Error {
  override name = 'ModelLoadError';
}

/** Loads tokenizer and model; with `auto`, a WebGPU failure is retried once on WASM. */
export async function loadModel(modelId: string, options: LoadOptions, ctx: LoadContext): Promise<LoadedHandle> {
  useModelHost(ctx.settings.modelHost);
  const preference = options.device ?? ctx.settings.device;
  const device = chooseDevice(preference, ctx.capabilities);
  try {
    return await loadOn(modelId, device, options, ctx);
  } catch (error) {
    if (device !== 'webgpu' || preference !== 'auto' || isDownloadProblem(error)) throw wrap(modelId, ctx, error);
    const reason = `WebGPU failed (${messageOf(error)}); using WASM instead.`;
    try {
      return { ...(await loadOn(modelId, 'wasm', options, ctx)), fallbackReason: reason };
    } catch (wasmError) {
      throw wrap(modelId, ctx, wasmError);
    }
  }
}

async function loadOn(
  modelId: string,
  device: ModelDevice,
  options: LoadOptions,
  ctx: LoadContext,
): Promise<LoadedHandle> {
  const entry = findModel(modelId);
  const dtype = dtypeFor(entry, device, ctx.capabilities, ctx.settings.dtype, options.dtype);
  const files: Record<string, FileProgress> = {};
  const progress_callback = (info: ProgressInfo) => {
    if (info.status !== 'progress') return;
    const fromNetwork = ctx.fetcher.fetched.some((url) => url.endsWith(`/${info.file}`));
    const current: FileProgress = {
      file: info.file,
      loaded: info.loaded,
      total: info.total,
      source: fromNetwork ? 'network' : 'cache',
    };
    files[info.file] = current;
    const all = Object.values(files);
    ctx.onProgress({
      modelId,
      current,
      files: { ...files },
      loaded: all.reduce((sum, f) => sum + f.loaded, 0),
      total: all.reduce((sum, f) => sum + f.total, 0),
    });
  };
  const tokenizer = await AutoTokenizer.from_pretrained(modelId, { progress_callback });
  ctx.onLoading(device);
  const model = await AutoModelForCausalLM.from_pretrained(modelId, {
    device: transformersDevice(device),
    dtype,
    progress_callback,
  });
  yieldBetweenRuns(model as unknown as Parameters<typeof yieldBetweenRuns>[0]);
  const configured = (model.config as { max_position_embeddings?: number }).max_position_embeddings;
  const contextWindow = Math.min(entry?.contextWindow ?? Infinity, configured ?? FALLBACK_CONTEXT_WINDOW);
  if (device === 'webgpu') {
    // Compiles the WebGPU shaders now, so the user's first request is not the slow one.
    await model.generate({ ...tokenizer('Hi'), max_new_tokens: 1 });
  }
  return { modelId, device, dtype: dtype ?? 'default', model, tokenizer, contextWindow };
}

/** 404s, truncated bodies and unreachable hosts are not device problems: do not retry on WASM. */
function isDownloadProblem(error: unknown): boolean {
  const text = messageOf(error);
  return /could not locate|not found|404|download|model host|fetch|network/i.test(text);
}

function wrap(modelId: string, ctx: LoadContext, error: unknown): ModelLoadError {
  return explainLoadError(modelId, ctx.settings.modelHost, ctx.fetcher, error);
}

/** A load or download failure in words that name the model and the host. */
export function explainLoadError(
  modelId: string,
  host: string,
  fetcher: VerifiedFetch,
  error: unknown,
): ModelLoadError {
  const detail = messageOf(error);
  // A failed load after a 404 is a missing model (or file), whatever transformers.js says next.
  const missing = fetcher.notFound
    .map((url) => parseModelFileUrl(url)?.file ?? url)
    .filter((file) => !OPTIONAL_FILES.has(file));
  if (missing.length > 0) {
    return new ModelLoadError(
      `Model "${modelId}" was not found on ${host} (missing: ${missing.join(', ')}). Check the model id and the model host.`,
    );
  }
  if (/could not locate|not found|404/i.test(detail)) {
    return new ModelLoadError(`Model "${modelId}" was not found on ${host} (${detail})`);
  }
  return new ModelLoadError(`Could not load "${modelId}" from ${host}: ${detail}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A loaded model as `load` reports it (the rest of LoadResult is about this load). */
export function describeLoaded(loaded: LoadedHandle): Omit<LoadResult, 'downloadedFiles' | 'loadMs'> {
  const { modelId, device, dtype, contextWindow, fallbackReason } = loaded;
  return fallbackReason
    ? { modelId, device, dtype, contextWindow, fallbackReason }
    : { modelId, device, dtype, contextWindow };
}
