/**
 * The bench's models and the hub root that serves them: the tiny echo model from the
 * fixtures, and a SmolLM2-135M-shaped model with random weights, generated on demand by
 * tests/fixtures/tiny-model/generate.sh into the git-ignored tests/fixtures/.generated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ECHO_MODEL, MODELS_DIR, ROOT } from '../e2e/harness/paths';
import type { BenchMessage } from './shared/greedy';

export type ModelKey = 'echo-tiny' | 'smollm2-135m';

export interface BenchModel {
  key: ModelKey;
  /** Hub id, `owner/name`. */
  id: string;
  /** Where its files are. */
  dir: string;
  /** Tokens every timed generation produces (forced with min_new_tokens). */
  tokens: number;
  messages: BenchMessage[];
}

export const GENERATED_DIR = resolve(ROOT, 'tests/fixtures/.generated/edgewise-bench');
const SMOLLM2_DIR = join(GENERATED_DIR, 'smollm2-135m-random');
const GENERATOR = resolve(ROOT, 'tests/fixtures/tiny-model/generate.py');

/** Reads every file of the model once, so the OS has it cached before anything is timed. */
export function readModelFiles(model: BenchModel, dir = model.dir): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readModelFiles(model, path);
    else readFileSync(path);
  }
}

export const MODELS: Record<ModelKey, BenchModel> = {
  'echo-tiny': {
    key: 'echo-tiny',
    id: ECHO_MODEL,
    dir: join(MODELS_DIR, ECHO_MODEL),
    tokens: 128,
    messages: [
      { role: 'user', content: 'Private models keep your words on your own machine, and the cloud is optional.' },
    ],
  },
  'smollm2-135m': {
    key: 'smollm2-135m',
    id: 'edgewise-bench/smollm2-135m-random',
    dir: SMOLLM2_DIR,
    tokens: 32,
    // The generated tokenizer is byte-level: this is ~75 prompt tokens with the chat template.
    messages: [{ role: 'user', content: 'Summarize: local models keep data on the device.' }],
  },
};

/** Serves `edgewise-test/*` (fixtures) and `edgewise-bench/*` (generated) from one hub root. */
export function combinedHubRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'edgewise-bench-hub-'));
  symlinkSync(join(MODELS_DIR, 'edgewise-test'), join(root, 'edgewise-test'));
  if (existsSync(GENERATED_DIR)) symlinkSync(GENERATED_DIR, join(root, 'edgewise-bench'));
  return root;
}

export interface Availability {
  available: boolean;
  note: string;
}

/**
 * Makes sure the random SmolLM2-shaped model exists, generating it if Debian's
 * python3-torch and python3-onnx are there. Missing tools skip the model, with a note.
 */
export function ensureSmolLM2(): Availability {
  // tokenizer_config.json is the generator's last write: its presence means a complete export.
  if (existsSync(join(SMOLLM2_DIR, 'tokenizer_config.json'))) return { available: true, note: 'cached' };
  const python = process.env.PYTHON ?? '/usr/bin/python3';
  const probe = spawnSync(python, ['-c', 'import torch, onnx'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    return {
      available: false,
      note: `skipped: ${python} lacks torch/onnx (Debian: apt-get install python3-torch python3-onnx)`,
    };
  }
  const started = Date.now();
  console.log('bench: generating the random SmolLM2-135M-shaped model (once; cached in tests/fixtures/.generated)');
  // generate.py directly: generate.sh only adds a faster BLAS (fetched with apt-get) for training.
  const run = spawnSync(python, [GENERATOR, '--shape', 'smollm2-135m', '--random'], {
    stdio: 'inherit',
    timeout: 5 * 60_000,
  });
  if (run.status !== 0 || !existsSync(join(SMOLLM2_DIR, 'tokenizer_config.json'))) {
    return { available: false, note: `skipped: the generator failed (exit ${run.status ?? run.signal})` };
  }
  return { available: true, note: `generated in ${((Date.now() - started) / 1000).toFixed(0)} s` };
}
