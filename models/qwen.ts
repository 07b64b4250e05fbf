import { MB, type CatalogModel } from './types';

/** Qwen: multilingual, long context; better for non-English pages. */
export const qwenModels: readonly CatalogModel[] = [
  {
    id: 'onnx-community/Qwen2.5-0.5B-Instruct',
    name: 'Qwen2.5 0.5B Instruct',
    parameters: '0.5B',
    contextWindow: 32768,
    // q4f16/q8 from the hub's listing.
    dtypes: { q4f16: 483 * MB, q8: 512 * MB },
    recommendedDevice: 'webgpu',
    licenseUrl: 'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct/blob/main/LICENSE',
    notes: 'Multilingual (29+ languages) with a long context window.',
  },
  {
    id: 'onnx-community/Qwen3-0.6B-ONNX',
    name: 'Qwen3 0.6B',
    parameters: '0.6B',
    contextWindow: 32768,
    // Estimated from the parameter count (0.6B); the model manager shows the real size once downloaded.
    dtypes: { q4f16: 570 * MB, q8: 620 * MB },
    recommendedDevice: 'webgpu',
    licenseUrl: 'https://huggingface.co/Qwen/Qwen3-0.6B/blob/main/LICENSE',
    notes: 'Newest small Qwen; thinks before answering unless told not to, so answers start later.',
  },
];
