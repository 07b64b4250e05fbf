/**
 * "Recommended for this device": one catalogued model, by what this browser can run and how
 * much room the device has, with the reason in one line (issue 11: a Models view for people).
 */
import { chooseDevice, dtypeFor, type DeviceCapabilities } from '@/lib/device';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { CatalogModel } from '@/models';

export interface Recommendation {
  modelId: string;
  name: string;
  /** Download size of the weights this device would use; undefined when the catalog does not say. */
  bytes: number | undefined;
  /** One line: why this model, here. */
  reason: string;
}

/** Free space a model needs beyond its own size: it must not fill the disk. */
const ROOM_FACTOR = 3;
/** Preferred models, best first, for each device; the first that fits is recommended. */
const PREFERRED = {
  webgpu: ['onnx-community/Qwen2.5-0.5B-Instruct', 'HuggingFaceTB/SmolLM2-360M-Instruct'],
  wasm: ['HuggingFaceTB/SmolLM2-360M-Instruct'],
} as const;

/**
 * The model to recommend: the device's preferred model when `freeBytes` holds it with room
 * to spare (or the space is unknown), else the smallest catalogued model.
 */
export function recommendModel(
  catalog: readonly CatalogModel[],
  caps: DeviceCapabilities,
  freeBytes: number | null,
): Recommendation | null {
  const device = chooseDevice('auto', caps);
  const bytesOf = (model: CatalogModel) => {
    const dtype = dtypeFor(model, device, caps, 'auto');
    return dtype ? model.dtypes[dtype] : undefined;
  };
  const sizeOf = (model: CatalogModel) => bytesOf(model) ?? Infinity;
  const fits = (model: CatalogModel) => freeBytes === null || sizeOf(model) * ROOM_FACTOR <= freeBytes;
  const pick = (model: CatalogModel, reason: string): Recommendation => ({
    modelId: model.id,
    name: model.name,
    bytes: bytesOf(model),
    reason,
  });
  for (const id of PREFERRED[device]) {
    const model = catalog.find((m) => m.id === id); // the given catalog, which tests vary
    if (model && fits(model)) return pick(model, i18n.t(device === 'webgpu' ? 'recommend.gpu' : 'recommend.cpu'));
  }
  const smallest = [...catalog].sort((a, b) => sizeOf(a) - sizeOf(b))[0];
  return smallest ? pick(smallest, i18n.t('recommend.space', [formatBytes(freeBytes ?? 0)])) : null;
}
