import { llamaModels } from './llama';
import { qwenModels } from './qwen';
import { smollm2Models } from './smollm2';
import type { CatalogModel } from './types';

export { MB, MODEL_DTYPES, type CatalogModel, type ModelDevice, type ModelDtype } from './types';

/** Every model Edgewise offers, smallest first. */
export const catalog: readonly CatalogModel[] = [...smollm2Models, ...qwenModels, ...llamaModels];

/** The model offered on first run: small enough to download quickly, good enough to be useful. */
export const DEFAULT_MODEL_ID = 'HuggingFaceTB/SmolLM2-360M-Instruct';

/** The catalog entry for a hub id, or `undefined` for a custom (uncatalogued) model. */
export function findModel(id: string): CatalogModel | undefined {
  return catalog.find((model) => model.id === id);
}
