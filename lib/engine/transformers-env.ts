/**
 * The one place that configures transformers.js's global `env` for Edgewise.
 */
import { env } from '@huggingface/transformers';
import type { ModelCache } from './model-cache';
import type { VerifiedFetch } from './verified-fetch';

/** Extension URLs of ONNX Runtime's bundled wasm pair (never a CDN: MV3 forbids remote code). */
export interface WasmPaths {
  mjs: string;
  wasm: string;
}

export interface TransformersSetup {
  cache: ModelCache;
  fetcher: VerifiedFetch;
  /** Browser only; in Node, onnxruntime-node is used and this is left out. */
  wasmPaths?: WasmPaths;
}

/** Points transformers.js at the model host (the hub or a mirror); read at every load and download. */
export function useModelHost(host: string): void {
  env.remoteHost = host;
}

/** URL of one model file on the current model host, in the hub's layout. */
export function modelFileUrl(modelId: string, file: string, revision = 'main'): string {
  return `${env.remoteHost}${modelId}/resolve/${encodeURIComponent(revision)}/${file}`;
}

export function configureTransformers({ cache, fetcher, wasmPaths }: TransformersSetup): void {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = false;
  env.useFSCache = false;
  env.useCustomCache = true;
  env.customCache = cache;
  env.fetch = fetcher.fetch;
  const wasm = env.backends.onnx.wasm;
  if (wasm && wasmPaths) {
    // Set the nested property: replacing `env.backends.onnx.wasm` has no effect on ORT.
    wasm.wasmPaths = { mjs: wasmPaths.mjs, wasm: wasmPaths.wasm };
    // Threads need SharedArrayBuffer, which only a cross-origin-isolated page has.
    wasm.numThreads = globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  }
}
