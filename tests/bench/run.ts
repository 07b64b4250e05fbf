/**
 * The bench, start to end: models, the extension session (overhead, native, load), the
 * page cost, then the report. `npm run bench` runs it with the defaults; the e2e smoke
 * test runs it on the tiny model with one iteration.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from '../e2e/harness';
import type { BenchConfig } from './config';
import { benchGeneration, benchLoads, warmUp, type ModelReport } from './engine-bench';
import { combinedHubRoot, ensureSmolLM2, MODELS, type ModelKey } from './models';
import { removeNativeCache } from './native';
import { benchPageLoad, contentScriptSize, type ContentScriptSize, type PageCost } from './page-cost';
import { startBenchSession } from './session';
import { Samples, type Stat } from './stats';
import { benchChat, type ChatResult } from './chat';
import { classifyFixturesScore, timeClassify200 } from './autofill-classify';
import { benchAutofillPopup, type AutofillPopupResult } from './autofill-popup';
import { benchCloudOverhead, timeRouteDecision, type CloudOverheadResult } from './routing';
import { benchSummarize, type SummarizeResult } from './summarize';

export interface ThreadReport {
  offscreen?: { crossOriginIsolated: boolean; sharedArrayBuffer: boolean; sharedWasmMemory: boolean };
  /** The manifest's `cross_origin_embedder_policy` / `cross_origin_opener_policy` (absent: undefined). */
  manifestCoep?: unknown;
  manifestCoop?: unknown;
  /** ORT threads the engine and the direct page used (engine rule: crossOriginIsolated ? min(4, cores) : 1). */
  used: number;
  forcedAsked: number;
  /** What ORT kept when `forcedAsked` threads were asked in a non-isolated extension page. */
  forcedKept?: number;
}

export interface BenchRun {
  config: BenchConfig;
  machine: Record<string, unknown>;
  models: Partial<Record<ModelKey, ModelReport | { skipped: string }>>;
  threads?: ThreadReport;
  page: { measures: Record<string, Stat> } & PageCost;
  contentScript: ContentScriptSize;
  summarize: SummarizeResult;
  chat: ChatResult;
  autofill: {
    popup: AutofillPopupResult;
    classify: ReturnType<typeof timeClassify200>;
    score: ReturnType<typeof classifyFixturesScore>;
  };
  routing: { decision: ReturnType<typeof timeRouteDecision>; cloud: CloudOverheadResult };
  wallSeconds: number;
}

const OFFSCREEN_PROBE = `(() => {
  let mem = true;
  try { new WebAssembly.Memory({ shared: true, initial: 1, maximum: 1 }); new MessageChannel().port1.postMessage(new SharedArrayBuffer(1)); } catch { mem = false; }
  return { crossOriginIsolated: globalThis.crossOriginIsolated, sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined', sharedWasmMemory: mem };
})()`;

export async function runBench(config: BenchConfig, log: (line: string) => void = console.log): Promise<BenchRun> {
  const started = Date.now();
  const machine = machineInfo();
  const models: BenchRun['models'] = {};
  const wanted = config.models.filter((key) => {
    if (key !== 'smollm2-135m') return true;
    const availability = ensureSmolLM2();
    log(`bench: SmolLM2-135M-shaped random model: ${availability.note}`);
    if (!availability.available) models[key] = { skipped: availability.note };
    return availability.available;
  });
  const counts = { runs: config.runs, loadRuns: config.loadRuns, forcedThreads: config.forcedThreads };
  const session = await startBenchSession(combinedHubRoot());
  let threads: ThreadReport | undefined;
  let summarize: SummarizeResult;
  let chat: ChatResult;
  let cloud: CloudOverheadResult;
  try {
    await warmUp(session);
    for (const key of wanted) {
      const model = MODELS[key];
      const samples = new Samples();
      log(`bench: ${model.id}: loads (${config.loadRuns}×)`);
      await benchLoads(session, model, counts, samples);
      log(`bench: ${model.id}: generation (${config.runs}× ${model.tokens} tokens, + 1-token TTFT)`);
      const gen = await benchGeneration(session, model, counts, samples);
      models[key] = { model: model.id, tokens: model.tokens, measures: samples.all(), ...gen };
      threads ??= {
        // Attaching to the offscreen document uses a deprecated CDP mode; a failure costs only this detail.
        offscreen: await session.inOffscreen<ThreadReport['offscreen']>(OFFSCREEN_PROBE).catch(() => undefined),
        ...manifestIsolation(),
        used: gen.threadsUsed,
        forcedAsked: config.forcedThreads,
        forcedKept: gen.forcedThreadsKept,
      };
    }
    summarize = await benchSummarize(session, config.runs, config.summaryLengths);
    log(`bench: chat answer time versus page length`);
    chat = await benchChat(session, config.runs, config.chatLengths);
    log(`bench: cloud request overhead (${config.runs * 4}× against the local OpenAI-compatible server)`);
    cloud = await benchCloudOverhead(session, config.runs * 4);
  } finally {
    await session.close();
    removeNativeCache();
  }
  log(`bench: page cost (${config.pageRuns}× each, with and without the extension)`);
  const pageSamples = new Samples();
  const page = await benchPageLoad(config.pageRuns, pageSamples);
  log(
    `bench: form suggestions (${config.autofillFocuses} focuses on a 200-field form, ${config.autofillPages} page loads)`,
  );
  const autofill = {
    popup: await benchAutofillPopup(config.autofillFocuses, config.autofillPages),
    classify: timeClassify200(),
    score: classifyFixturesScore(),
  };
  machine.loadavg_end = loadavg().map((x) => Math.round(x * 100) / 100);
  return {
    config,
    machine,
    models,
    threads,
    page: { measures: pageSamples.all(), ...page },
    contentScript: contentScriptSize(),
    summarize,
    chat,
    autofill,
    routing: { decision: timeRouteDecision(), cloud },
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
}

/** The built manifest's cross-origin isolation keys (extension pages get COOP/COEP only from these). */
function manifestIsolation() {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return { manifestCoep: manifest.cross_origin_embedder_policy, manifestCoop: manifest.cross_origin_opener_policy };
}

function machineInfo(): Record<string, unknown> {
  const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    free_memory_gb: Math.round(freemem() / 2 ** 30),
    node: process.version,
    chromium: version.stdout?.trim() || 'unknown',
    platform: `${process.platform} ${process.arch}`,
    loadavg_start: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
