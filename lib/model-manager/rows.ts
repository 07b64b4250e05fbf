/**
 * What the model manager lists: every catalogued model (plus the user's own model id),
 * with the download size of the dtype this device would use, and what is stored.
 */
import { chooseDevice, dtypeFor, storedWhole, type DeviceCapabilities } from '@/lib/device';
import type { CachedModel } from '@/lib/engine';
import type { Settings } from '@/lib/settings';
import type { CatalogModel, ModelDevice, ModelDtype } from '@/models';
import { i18n } from '@/lib/i18n';

export type StoredState = 'none' | 'partial' | 'complete';

/**
 * How the catalog's recommended device fits the device a load here uses: `cpu` = fine on
 * the CPU, `webgpu` = made for WebGPU and gets it, `slowHere` = made for WebGPU but runs
 * on the CPU here, where answers come slowly (the reason a user would pick another model).
 */
export type DeviceHint = 'cpu' | 'webgpu' | 'slowHere';

export interface ModelRow {
  id: string;
  name: string;
  /** Absent for an uncatalogued model: nothing is known until it is downloaded. */
  model?: CatalogModel;
  device: ModelDevice;
  /** The dtype a load here would use; undefined = the model's own default (uncatalogued). */
  dtype: ModelDtype | undefined;
  /** Download size of that dtype from the catalog; undefined when unknown. */
  downloadBytes: number | undefined;
  /** Set when the user's dtype setting is not offered by this model and auto is used instead. */
  dtypeNote: string | null;
  /** Null for an uncatalogued model: nobody has said where it runs well. */
  deviceHint: DeviceHint | null;
  stored: StoredState;
  storedBytes: number;
  /** The model features use (the setting). */
  isDefault: boolean;
}

/** Rows for the manager, catalog order, with the user's uncatalogued model (if any) last. */
export function managerRows(
  catalog: readonly CatalogModel[],
  cached: readonly CachedModel[],
  settings: Settings,
  caps: DeviceCapabilities,
): ModelRow[] {
  const device = safeDevice(settings, caps);
  const row = (id: string, model: CatalogModel | undefined): ModelRow => {
    const stored = cached.find((c) => c.modelId === id);
    const dtype = dtypeFor(model, device, caps, settings.dtype);
    return {
      id,
      name: model?.name ?? id,
      model,
      device,
      dtype,
      downloadBytes: model && dtype ? model.dtypes[dtype] : undefined,
      dtypeNote:
        model && settings.dtype !== 'auto' && model.dtypes[settings.dtype] === undefined
          ? dtype === undefined
            ? i18n.t('modelNotes.dtypeFallbackDefault', [settings.dtype])
            : i18n.t('modelNotes.dtypeFallback', [settings.dtype, dtype])
          : null,
      deviceHint: model ? deviceHint(model.recommendedDevice, device) : null,
      stored: storedState(stored, dtype),
      storedBytes: stored?.bytes ?? 0,
      isDefault: settings.modelId === id,
    };
  };
  const rows = catalog.map((model) => row(model.id, model));
  const extra = new Set([settings.modelId, ...cached.map((c) => c.modelId)]);
  for (const id of extra) if (!catalog.some((m) => m.id === id)) rows.push(row(id, undefined));
  return rows;
}

/** A forced WebGPU without an adapter would throw; the manager shows WASM and the load explains. */
function safeDevice(settings: Settings, caps: DeviceCapabilities): ModelDevice {
  try {
    return chooseDevice(settings.device, caps);
  } catch {
    return 'wasm';
  }
}

function deviceHint(recommended: ModelDevice, device: ModelDevice): DeviceHint {
  if (recommended === 'wasm') return 'cpu';
  return device === 'webgpu' ? 'webgpu' : 'slowHere';
}

/** Complete only for the dtype a load here would use ({@link storedWhole}); partial if anything is stored. */
function storedState(stored: CachedModel | undefined, dtype: ModelDtype | undefined): StoredState {
  if (!stored) return 'none';
  return storedWhole(stored, dtype) ? 'complete' : 'partial';
}

/**
 * The one size to show for a row, so the offer, the row and the progress bar never disagree:
 * the catalog's, else what the host said once a download started (`downloadTotal`), else
 * what is stored.
 */
export function knownSize(row: ModelRow, downloadTotal: number | undefined): number | undefined {
  return row.downloadBytes ?? (downloadTotal || undefined) ?? (row.stored === 'complete' ? row.storedBytes : undefined);
}
