/** Every transformers.js dtype Edgewise knows, smallest weights first. */
export const MODEL_DTYPES = ['q4f16', 'q4', 'q8', 'fp16', 'fp32'] as const;

/** A transformers.js dtype: which ONNX file variant of a model is loaded. */
export type ModelDtype = (typeof MODEL_DTYPES)[number];

/** Where a model runs. `webgpu` needs a GPU adapter; `wasm` runs on the CPU everywhere. */
export type ModelDevice = 'webgpu' | 'wasm';

/** One supported model, as shown in the model manager and used by the engine. */
export interface CatalogModel {
  /** Hub repository id, e.g. `HuggingFaceTB/SmolLM2-360M-Instruct`. */
  readonly id: string;
  /** Human name for lists. */
  readonly name: string;
  /** Parameter count, e.g. `360M`. */
  readonly parameters: string;
  /** Maximum tokens (prompt + answer) the model accepts. */
  readonly contextWindow: number;
  /** Download size in bytes of each dtype the repository actually ships. */
  readonly dtypes: Partial<Record<ModelDtype, number>>;
  /** Where this model runs acceptably on a typical laptop; the model manager says so next to it. */
  readonly recommendedDevice: ModelDevice;
  /** Licence page, so users can check terms before downloading. */
  readonly licenseUrl: string;
  /** One or two sentences for the model manager (where it runs well is said apart, from recommendedDevice). */
  readonly notes: string;
}

/** Megabytes as the hub lists them (decimal). */
export const MB = 1_000_000;
