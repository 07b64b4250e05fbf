/**
 * Measures 1–3 of the issue for one model, in one browser session, alternating the paths
 * inside every run so that machine noise cancels in the ratios:
 *  - load: engine first load (hub → IndexedDB), engine cached load (IndexedDB), and a raw
 *    transformers.js load of the same files in an extension page;
 *  - generation: the extension path, transformers.js direct, and onnxruntime-node, each
 *    producing exactly `tokens` tokens (min_new_tokens), then a 1-token request (TTFT).
 */
import { MODELS, readModelFiles, type BenchModel } from './models';
import { loadNative, type NativeRunner } from './native';
import type { BenchSession } from './session';
import type { GenTiming } from './shared/greedy';
import type { Samples, Stat } from './stats';

export interface BenchCounts {
  /** Timed generations per path. */
  runs: number;
  /** Timed loads per kind. */
  loadRuns: number;
  /** ORT threads for an extra direct run with threads forced; 0 = skip. */
  forcedThreads: number;
}

export interface ModelReport {
  model: string;
  tokens: number;
  promptTokens: number;
  /** Every measured series, by name (ms or tokens/s, as the name says). */
  measures: Record<string, Stat>;
  /** ORT threads the direct page used; native_same_threads used as many. */
  threadsUsed: number;
  /** ORT's thread count after a load with `forcedThreads` asked, in a non-isolated extension page. */
  forcedThreadsKept?: number;
}

type Path = () => Promise<void>;

/** Runs `paths` in an order that rotates with `run`, so no path always goes first. */
async function rotate(run: number, paths: Path[]): Promise<void> {
  for (let i = 0; i < paths.length; i++) await paths[(i + run) % paths.length]!();
}

/** Compiles ONNX Runtime's wasm in the engine document and the direct page, so no timed load pays for it. */
export async function warmUp(s: BenchSession): Promise<void> {
  const tiny = MODELS['echo-tiny'].id;
  await s.ext.call('load', tiny);
  await s.admin.call('unload');
  await s.direct.call('load', tiny);
  await s.direct.call('dispose');
}

export async function benchLoads(s: BenchSession, model: BenchModel, counts: BenchCounts, out: Samples) {
  readModelFiles(model); // the hub's first read must not hit the disk for only one of the paths
  for (let run = 0; run < counts.loadRuns; run++) {
    await rotate(run, [
      async () => {
        await s.admin.call('unload');
        await s.admin.call('deleteCached', model.id);
        const first = await s.ext.call('load', model.id);
        if (first.result.downloadedFiles.length === 0) throw new Error('first load read nothing from the hub');
        out.add('load.first_hub_ms', first.ms);
        await s.admin.call('unload');
        const cached = await s.ext.call('load', model.id);
        if (cached.result.downloadedFiles.length > 0)
          throw new Error(`cached load downloaded ${cached.result.downloadedFiles}`);
        out.add('load.cached_idb_ms', cached.ms);
      },
      async () => {
        out.add('load.raw_transformers_ms', (await s.direct.call('load', model.id)).ms);
        await s.direct.call('dispose');
      },
    ]);
  }
}

/** A path's N-token and 1-token runs of one iteration, as timed by the caller. */
interface Pair {
  long: GenTiming;
  short: { totalMs: number };
}

function addPair(out: Samples, path: string, { long, short }: Pair): void {
  const n = long.completionTokens;
  // Per-token cost as the caller sees it: the N-token request minus the 1-token one.
  out.add(`${path}.tok_s`, ((n - 1) * 1000) / (long.totalMs - short.totalMs));
  out.add(`${path}.ttft_ms`, short.totalMs);
  out.add(`${path}.e2e_tok_s`, (n * 1000) / long.totalMs);
  out.add(`${path}.decode_tok_s`, long.decodeTokS);
  out.add(`${path}.first_token_ms`, long.firstTokenMs);
}

export async function benchGeneration(
  s: BenchSession,
  model: BenchModel,
  counts: BenchCounts,
  out: Samples,
): Promise<Omit<ModelReport, 'model' | 'tokens' | 'measures'>> {
  const { messages, tokens } = model;
  await s.ext.call('load', model.id);
  await s.direct.call('load', model.id);
  const forced = counts.forcedThreads > 1 ? await s.directWithThreads(counts.forcedThreads) : undefined;
  await forced?.call('load', model.id);
  const threadsUsed = (await s.direct.call('info')).numThreads;
  const natives: [string, NativeRunner][] = [
    ['native_same_threads', await loadNative(s.hub.url, model.id, threadsUsed)],
    ['native_all_threads', await loadNative(s.hub.url, model.id)],
  ];
  let promptTokens = 0;
  const ext = async (n: number): Promise<GenTiming> => {
    const { totalMs, result } = await s.ext.call('generate', messages, n);
    if (result.completionTokens !== n)
      throw new Error(`extension path made ${result.completionTokens} tokens, not ${n}`);
    promptTokens = result.promptTokens;
    const { ttftMs: firstTokenMs, tokensPerSecond: decodeTokS, completionTokens } = result;
    return { totalMs, firstTokenMs, decodeTokS, completionTokens, promptTokens, chunks: 0 };
  };
  const direct = (n: number) => s.direct.call('generate', messages, n);
  const paths: [string, (n: number) => Promise<GenTiming>][] = [
    ['extension', ext],
    ['direct', direct],
    ...natives.map(([name, native]): [string, (n: number) => Promise<GenTiming>] => [
      name,
      (n) => native.generate(messages, n),
    ]),
  ];
  if (forced) paths.push(['direct_forced_threads', (n) => forced.call('generate', messages, n)]);
  // One untimed round to settle JITs and allocators.
  for (const [, generate] of paths) await generate(tokens);
  for (let run = 0; run < counts.runs; run++) {
    await rotate(
      run,
      paths.map(
        ([name, generate]) =>
          async () =>
            addPair(out, name, { long: await generate(tokens), short: await generate(1) }),
      ),
    );
  }
  const forcedThreadsKept = forced ? (await forced.call('info')).numThreads : undefined;
  await forced?.call('dispose');
  await s.direct.call('dispose');
  await s.admin.call('unload');
  for (const [, native] of natives) await native.dispose();
  return { promptTokens, threadsUsed, forcedThreadsKept };
}
