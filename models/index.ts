import { llamaModels } from './llama';
import { qwenModels } from './qwen';
import { smollm2Models } from './smollm2';
import type { CatalogModel } from './types';

export { MB, MODEL_DTYPES, type CatalogModel, type ModelDevice, type ModelDtype } from './types';

/**
 * Whether `value` is a hub repository id, `owner/name`. Neither part may be `.` or `..`:
 * the id becomes a path on the model host, and those would walk out of the repository.
 */
export function isModelId(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[\w.-]{1,96}\/[\w.-]{1,96}$/.test(value)) return false;
  return value.split('/').every((part) => part !== '.' && part !== '..');
}

/** Every model Edgewise offers, smallest first. */
export const catalog: readonly CatalogModel[] = [...smollm2Models, ...qwenModels, ...llamaModels];

/** The model offered on first run: small enough to download quickly, good enough to be useful. */
export const DEFAULT_MODEL_ID = 'HuggingFaceTB/SmolLM2-360M-Instruct';

/** The catalog entry for a hub id, or `undefined` for a custom (uncatalogued) model. */
export function findModel(id: string): CatalogModel | undefined {
  return catalog.find((model) => model.id === id);
}
