import { loadSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { probeCapabilities, type DeviceCapabilities } from '@/lib/device';
import { LocalEngine } from './local-engine';
import { ModelCache } from './model-cache';
import { configureTransformers, type WasmPaths } from './transformers-env';
import { VerifiedFetch } from './verified-fetch';

export type * from './api';
export { DownloadCancelledError, StorageFullError, downloadTarget, isQuotaError } from './downloader';
export { ContextOverflowError, DEFAULT_MAX_NEW_TOKENS, defuseSpecialTokens, markerTokensOf } from './generation';
export { LocalEngine, ModelNotStoredError, NoModelLoadedError } from './local-engine';
export {
  CHUNK_BYTES,
  CorruptDownloadError,
  IncompleteDownloadError,
  ModelCache,
  parseModelFileUrl,
  publishedSha256,
} from './model-cache';
export { ModelLoadError } from './model-loader';
export { requestPersistentStorage } from './persistence';
export { SerialQueue } from './serial-queue';
export { ORT_PUBLIC_DIR, ORT_WASM_FILES, bundledOrtPaths } from './ort-files';
export { configureTransformers, type WasmPaths } from './transformers-env';
export { VerifiedFetch } from './verified-fetch';

export interface CreateEngineOptions {
  db: EdgewiseDatabase;
  wasmPaths?: WasmPaths;
  /** Tests pass fixed capabilities; otherwise WebGPU is probed once, on first load. */
  capabilities?: DeviceCapabilities;
}

/** Builds the engine with the IndexedDB cache, verified downloads and live settings. */
export function createEngine({ db, wasmPaths, capabilities }: CreateEngineOptions): LocalEngine {
  const cache = new ModelCache(db);
  const fetcher = new VerifiedFetch();
  configureTransformers({ cache, fetcher, wasmPaths });
  let probed: Promise<DeviceCapabilities> | undefined;
  return new LocalEngine({
    cache,
    fetcher,
    settings: () => loadSettings(db),
    estimate:
      typeof globalThis.navigator?.storage?.estimate === 'function' ? () => navigator.storage.estimate() : undefined,
    capabilities: () => (capabilities ? Promise.resolve(capabilities) : (probed ??= probeCapabilities())),
  });
}
