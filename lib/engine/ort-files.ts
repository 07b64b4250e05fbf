/**
 * Where the build puts ONNX Runtime's wasm pair, and their names. Kept free of imports
 * so `wxt.config.ts` can use it at build time.
 */

/** File names of the ORT build transformers.js 4 uses on the web (WebGPU + WASM, asyncify). */
export const ORT_WASM_FILES = {
  mjs: 'ort-wasm-simd-threaded.asyncify.mjs',
  wasm: 'ort-wasm-simd-threaded.asyncify.wasm',
} as const;

/** Directory under the extension root where the build copies the ORT files. */
export const ORT_PUBLIC_DIR = 'ort';

/** Extension URLs of the bundled pair, given `runtime.getURL`. */
export function bundledOrtPaths(getURL: (path: string) => string): { mjs: string; wasm: string } {
  return {
    mjs: getURL(`/${ORT_PUBLIC_DIR}/${ORT_WASM_FILES.mjs}`),
    wasm: getURL(`/${ORT_PUBLIC_DIR}/${ORT_WASM_FILES.wasm}`),
  };
}
