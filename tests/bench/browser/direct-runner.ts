/**
 * Bench-only: transformers.js called directly in a plain extension page, without the
 * engine, Comlink or IndexedDB. Bundled by tests/bench/bundle.ts and evaluated in an
 * extension page (so ONNX Runtime's bundled wasm loads from the extension, as it does
 * for the engine). Configured like the engine (lib/engine/transformers-env.ts) except
 * for the cache: every load reads the files from the hub.
 */
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { greedyGenerate, type BenchMessage } from '../shared/greedy';

let loaded: { model: PreTrainedModel; tokenizer: PreTrainedTokenizer } | undefined;

const runner = {
  /** `threads` forces ORT's thread count; otherwise the engine's rule applies. */
  setup(hubUrl: string, ortBase: string, ortFiles: { mjs: string; wasm: string }, threads?: number) {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.remoteHost = `${hubUrl}/`;
    env.useBrowserCache = false;
    env.useFSCache = false;
    env.useCustomCache = false;
    const wasm = env.backends.onnx.wasm!;
    wasm.wasmPaths = { mjs: `${ortBase}/${ortFiles.mjs}`, wasm: `${ortBase}/${ortFiles.wasm}` };
    // The engine's rule: threads need SharedArrayBuffer, i.e. a cross-origin-isolated page.
    wasm.numThreads = threads ?? (globalThis.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1);
  },
  /** Loads tokenizer and model from the hub; returns the time taken. */
  async load(modelId: string) {
    await runner.dispose();
    const started = performance.now();
    const tokenizer = await AutoTokenizer.from_pretrained(modelId);
    const model = await AutoModelForCausalLM.from_pretrained(modelId, { device: 'wasm' });
    loaded = { model, tokenizer };
    return { ms: performance.now() - started };
  },
  async generate(messages: BenchMessage[], tokens: number) {
    if (!loaded) throw new Error('direct runner: no model loaded');
    return greedyGenerate(loaded.model, loaded.tokenizer, messages, tokens);
  },
  async dispose() {
    const current = loaded;
    loaded = undefined;
    if (current) await current.model.dispose();
  },
  info() {
    return {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
      hardwareConcurrency: navigator.hardwareConcurrency,
      /** After a load: what ORT kept (it falls back to 1 when threads cannot work here). */
      numThreads: env.backends.onnx.wasm?.numThreads ?? 0,
      visibility: document.visibilityState,
      userAgent: navigator.userAgent,
    };
  },
};

export type DirectRunner = typeof runner;
(globalThis as { __edgewiseBenchDirect?: DirectRunner }).__edgewiseBenchDirect = runner;
