/**
 * Device and dtype choice: pure functions of what the catalog says and what the
 * browser offers, so they can be tested without a GPU.
 */
import type { CachedModel } from '@/lib/engine';
import type { CatalogModel, ModelDevice, ModelDtype } from '@/models';
import type { DevicePreference, DtypePreference } from '@/lib/settings';

/** What this browser can do, as far as model loading cares. */
export interface DeviceCapabilities {
  webgpu: boolean;
  /** The adapter supports `shader-f16`, which q4f16/fp16 need on WebGPU. */
  shaderF16: boolean;
}

/** The part of `navigator.gpu` we use; declared here so no WebGPU type package is needed. */
interface GpuLike {
  requestAdapter(): Promise<{ features: { has(name: string): boolean } } | null>;
}

/** Asks the browser for a WebGPU adapter. No adapter (or an error) means WASM only. */
export async function probeCapabilities(
  gpu: GpuLike | undefined = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu,
): Promise<DeviceCapabilities> {
  if (!gpu) return { webgpu: false, shaderF16: false };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { webgpu: false, shaderF16: false };
    return { webgpu: true, shaderF16: adapter.features.has('shader-f16') };
  } catch {
    return { webgpu: false, shaderF16: false };
  }
}

/** Thrown when the caller forces WebGPU on a browser without an adapter. */
export class DeviceUnavailableError extends Error {
  override name = 'DeviceUnavailableError';
}

/** `auto` takes WebGPU when there is an adapter; a forced device is honoured or refused clearly. */
export function chooseDevice(preference: DevicePreference, caps: DeviceCapabilities): ModelDevice {
  if (preference === 'wasm') return 'wasm';
  if (preference === 'webgpu' && !caps.webgpu) {
    throw new DeviceUnavailableError(
      'WebGPU was requested, but this browser offers no WebGPU adapter. Choose WASM or Auto.',
    );
  }
  return caps.webgpu ? 'webgpu' : 'wasm';
}

/**
 * Preferred dtypes, best first. On WebGPU q4f16 is smallest and fastest but needs
 * `shader-f16`; on WASM q8 is ORT's best-optimised CPU path.
 */
export function dtypePreference(device: ModelDevice, caps: DeviceCapabilities): ModelDtype[] {
  if (device === 'webgpu') {
    return caps.shaderF16 ? ['q4f16', 'q4', 'fp16', 'q8', 'fp32'] : ['q4', 'q8', 'fp32'];
  }
  return ['q8', 'q4', 'fp32', 'q4f16', 'fp16'];
}

/**
 * The dtype to load: the caller's override, else the first preferred dtype the model ships.
 * `undefined` for an uncatalogued model lets transformers.js read the model's own default
 * (`transformers.js_config.dtype` in its config.json).
 */
export function chooseDtype(
  model: CatalogModel | undefined,
  device: ModelDevice,
  caps: DeviceCapabilities,
  override?: ModelDtype,
): ModelDtype | undefined {
  if (override) return override;
  if (!model) return undefined;
  const offered = dtypePreference(device, caps).filter((dtype) => model.dtypes[dtype] !== undefined);
  return offered[0] ?? (Object.keys(model.dtypes)[0] as ModelDtype | undefined);
}

/**
 * The user's dtype setting as an override for this model: `auto`, or a dtype a catalogued
 * model does not ship, gives `undefined` (automatic choice) rather than a missing file.
 */
export function dtypeOverride(model: CatalogModel | undefined, preference: DtypePreference): ModelDtype | undefined {
  if (preference === 'auto') return undefined;
  return !model || model.dtypes[preference] !== undefined ? preference : undefined;
}

/** The dtype a load of `model` on `device` uses: the caller's override, else the setting where the model ships it, else automatic. */
export function dtypeFor(
  model: CatalogModel | undefined,
  device: ModelDevice,
  caps: DeviceCapabilities,
  setting: DtypePreference,
  override?: ModelDtype,
): ModelDtype | undefined {
  return chooseDtype(model, device, caps, override ?? dtypeOverride(model, setting));
}

/**
 * Whether `stored` holds every file of its model for `dtype`, the weights a load here
 * would use: after a change of device or dtype the other weights must be downloaded (with
 * consent), not fetched silently by a load. The one rule for the engine and the model list.
 */
export function storedWhole(stored: CachedModel | undefined, dtype: ModelDtype | undefined): boolean {
  return Boolean(stored?.complete) && (stored?.dtype === undefined || stored.dtype === (dtype ?? 'default'));
}
