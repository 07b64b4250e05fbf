/**
 * Native baseline: the same ONNX model through onnxruntime-node on the CPU, in Node,
 * driven by transformers.js's Node build (which runs onnxruntime-node) and the same
 * greedy loop as the browser baselines (shared/greedy.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  env,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { greedyGenerate, type BenchMessage, type GenTiming } from './shared/greedy';

export interface NativeRunner {
  /** Intra-op threads asked of ONNX Runtime; `undefined` = its default (all physical cores). */
  threads: number | undefined;
  loadMs: number;
  generate(messages: BenchMessage[], tokens: number): Promise<GenTiming>;
  dispose(): Promise<void>;
}

let cacheDir: string | undefined;

/** Deletes the copies of the models transformers.js cached for Node. */
export function removeNativeCache(): void {
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  cacheDir = undefined;
}

export async function loadNative(hubUrl: string, modelId: string, threads?: number): Promise<NativeRunner> {
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = `${hubUrl}/`;
  // transformers.js in Node reads model files through its file cache; removeNativeCache() deletes it.
  env.useFSCache = true;
  env.cacheDir = cacheDir ??= mkdtempSync(join(tmpdir(), 'edgewise-bench-native-'));
  const started = performance.now();
  const tokenizer: PreTrainedTokenizer = await AutoTokenizer.from_pretrained(modelId);
  const model: PreTrainedModel = await AutoModelForCausalLM.from_pretrained(modelId, {
    device: 'cpu',
    ...(threads ? { session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 } } : {}),
  });
  return {
    threads,
    loadMs: performance.now() - started,
    generate: (messages, tokens) => greedyGenerate(model, tokenizer, messages, tokens),
    dispose: async () => void (await model.dispose()),
  };
}
