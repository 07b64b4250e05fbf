import { MB, type CatalogModel } from './types';

/** SmolLM2: the smallest useful instruct models; the 360M is our default. */
export const smollm2Models: readonly CatalogModel[] = [
  {
    id: 'HuggingFaceTB/SmolLM2-135M-Instruct',
    name: 'SmolLM2 135M Instruct',
    parameters: '135M',
    contextWindow: 8192,
    // Sizes from the hub's onnx/ listing.
    dtypes: { q4f16: 134 * MB, q4: 200 * MB, fp16: 327 * MB, fp32: 654 * MB },
    recommendedDevice: 'wasm',
    licenseUrl: 'https://huggingface.co/HuggingFaceTB/SmolLM2-135M-Instruct/blob/main/LICENSE',
    notes: 'Tiny and fast. Good for short summaries; weak at reasoning.',
  },
  {
    id: 'HuggingFaceTB/SmolLM2-360M-Instruct',
    name: 'SmolLM2 360M Instruct',
    parameters: '360M',
    contextWindow: 8192,
    // q4f16/q4 from the hub's listing; q8 estimated from the parameter count.
    dtypes: { q4f16: 299 * MB, q4: 417 * MB, q8: 390 * MB },
    recommendedDevice: 'wasm',
    licenseUrl: 'https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct/blob/main/LICENSE',
    notes: 'The default: a good balance of quality and speed for summaries and page chat.',
  },
];
