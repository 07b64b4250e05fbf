import { MB, type CatalogModel } from './types';

/** Llama 3.2: the strongest of the catalog, and the largest download. */
export const llamaModels: readonly CatalogModel[] = [
  {
    id: 'onnx-community/Llama-3.2-1B-Instruct',
    name: 'Llama 3.2 1B Instruct',
    parameters: '1.2B',
    contextWindow: 131072,
    // q4f16 from the hub's listing; q8 estimated from the parameter count.
    dtypes: { q4f16: 1070 * MB, q8: 1300 * MB },
    recommendedDevice: 'webgpu',
    licenseUrl: 'https://huggingface.co/meta-llama/Llama-3.2-1B-Instruct/blob/main/LICENSE.txt',
    notes: 'Best answers in the catalog, and the largest download. Llama 3.2 Community License.',
  },
];
