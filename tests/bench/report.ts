/** Turns a bench run into the named figures, a readable table, and bench-results.json. */
import { writeFileSync } from 'node:fs';
import type { ModelReport } from './engine-bench';
import type { ModelKey } from './models';
import type { BenchRun } from './run';
import { ratio, round, type Stat } from './stats';

/** Ratios of one model's medians. */
export function modelRatios(m: ModelReport): Record<string, number> {
  const s = (name: string): Stat | undefined => m.measures[name];
  const diff = (a: string, b: string) => (s(a)?.median ?? NaN) - (s(b)?.median ?? NaN);
  return {
    overhead_tok_s_ratio: ratio(s('extension.tok_s'), s('direct.tok_s')),
    overhead_e2e_tok_s_ratio: ratio(s('extension.e2e_tok_s'), s('direct.e2e_tok_s')),
    overhead_decode_tok_s_ratio: ratio(s('extension.decode_tok_s'), s('direct.decode_tok_s')),
    overhead_ttft_ms: diff('extension.ttft_ms', 'direct.ttft_ms'),
    wasm_vs_native_ratio: ratio(s('direct.decode_tok_s'), s('native_same_threads.decode_tok_s')),
    wasm_vs_native_all_threads_ratio: ratio(s('direct.decode_tok_s'), s('native_all_threads.decode_tok_s')),
    cached_load_ratio: ratio(s('load.cached_idb_ms'), s('load.raw_transformers_ms')),
    first_load_ratio: ratio(s('load.first_hub_ms'), s('load.raw_transformers_ms')),
    forced_threads_speedup: ratio(s('direct_forced_threads.decode_tok_s'), s('direct.decode_tok_s')),
  };
}

/** The figures the issue names in bench-results.json. */
export type NamedFigure =
  | 'overhead_tok_s_ratio'
  | 'overhead_ttft_ms'
  | 'wasm_vs_native_ratio'
  | 'cached_load_ratio'
  | 'page_load_ratio'
  | 'content_script_bytes'
  | 'autofill_popup_p95_ms'
  | 'autofill_popup_first_ms'
  | 'autofill_popup_warm_p95_ms'
  | 'autofill_classify_ms_200'
  | 'route_decision_ms'
  | 'cloud_overhead_ms'
  | 'autofill_fixture_f1';

/** The model-based named figures, their targets, and which model each comes from (first measured). */
const NAMED: { name: NamedFigure; from: ModelKey[]; target: string; ok: (x: number) => boolean }[] = [
  { name: 'overhead_tok_s_ratio', from: ['echo-tiny'], target: '>= 0.97', ok: (x) => x >= 0.97 },
  { name: 'overhead_ttft_ms', from: ['echo-tiny'], target: '<= 30 ms', ok: (x) => x <= 30 },
  { name: 'wasm_vs_native_ratio', from: ['smollm2-135m', 'echo-tiny'], target: '(report)', ok: () => true },
  { name: 'cached_load_ratio', from: ['smollm2-135m', 'echo-tiny'], target: '<= 1.2', ok: (x) => x <= 1.2 },
];

export function buildResults(run: BenchRun) {
  const perModel: Record<string, unknown> = {};
  const ratios: Partial<Record<ModelKey, Record<string, number>>> = {};
  for (const [key, m] of Object.entries(run.models) as [ModelKey, BenchRun['models'][ModelKey]][]) {
    if (!m || 'skipped' in m) {
      perModel[key] = m;
      continue;
    }
    ratios[key] = modelRatios(m);
    perModel[key] = { ...m, ratios: ratios[key] };
  }
  const named = {} as Record<NamedFigure, number>;
  const sources = {} as Record<NamedFigure, string>;
  const targets = {} as Record<NamedFigure, { target: string; met: boolean }>;
  for (const n of NAMED) {
    const key = n.from.find((k) => ratios[k] && Number.isFinite(ratios[k]![n.name]));
    named[n.name] = key ? round(ratios[key]![n.name]!) : NaN;
    sources[n.name] = key ? (run.models[key] as ModelReport).model : 'not measured';
    targets[n.name] = { target: n.target, met: key ? n.ok(named[n.name]) : false };
  }
  const page = run.page.measures;
  named.page_load_ratio = round(ratio(page['page.with_extension.load_ms'], page['page.without_extension.load_ms']));
  targets.page_load_ratio = { target: '<= 1.01', met: named.page_load_ratio <= 1.01 };
  sources.page_load_ratio = 'heavy page, load event';
  named.content_script_bytes = run.contentScript.bytes;
  sources.content_script_bytes = run.contentScript.files.join(' + ');
  targets.content_script_bytes = { target: '<= 8 KB (8192 bytes)', met: run.contentScript.bytes <= 8 * 1024 };
  const popup = run.autofill.popup;
  named.autofill_popup_p95_ms = round(popup.p95.all);
  targets.autofill_popup_p95_ms = { target: '<= 50 ms', met: popup.p95.all <= 50 };
  sources.autofill_popup_p95_ms = `focus to painted, ${popup.fields}-field form, every focus (first ones included)`;
  named.autofill_popup_first_ms = round(popup.measures['autofill.first_focus_ms']?.median ?? NaN);
  targets.autofill_popup_first_ms = { target: '(report)', met: true };
  sources.autofill_popup_first_ms = `median first focus of ${popup.pages} page loads (injects the UI)`;
  named.autofill_popup_warm_p95_ms = round(popup.p95.warm);
  targets.autofill_popup_warm_p95_ms = { target: '<= 50 ms', met: popup.p95.warm <= 50 };
  sources.autofill_popup_warm_p95_ms = 'focus to painted, after the first focus';
  named.autofill_classify_ms_200 = round(run.autofill.classify.medianMs);
  targets.autofill_classify_ms_200 = { target: '(report)', met: true };
  sources.autofill_classify_ms_200 = `median of classifyFields on ${run.autofill.classify.fields} fields (Node, happy-dom)`;
  named.autofill_fixture_f1 = round(run.autofill.score.micro.f1);
  targets.autofill_fixture_f1 = { target: '(report, per type below)', met: true };
  sources.autofill_fixture_f1 = 'micro F1 of classifyFields over tests/fixtures/forms';
  named.route_decision_ms = Number(run.routing.decision.medianMs.toPrecision(3));
  targets.route_decision_ms = { target: '<= 1 ms', met: run.routing.decision.medianMs <= 1 };
  sources.route_decision_ms = `median per decision, ${run.routing.decision.decisions} decideRoute calls (Node)`;
  named.cloud_overhead_ms = round(run.routing.cloud.overheadMs);
  targets.cloud_overhead_ms = { target: '(report)', met: true };
  sources.cloud_overhead_ms = `median askCloud through the extension minus a plain fetch of the same stream, ${run.routing.cloud.runs} runs`;
  return {
    ...named,
    targets,
    named_from: sources,
    generated_at: new Date().toISOString(),
    wall_seconds: run.wallSeconds,
    machine: run.machine,
    config: run.config,
    threads: run.threads,
    models: perModel,
    page: run.page,
    content_script: run.contentScript,
    summarize: run.summarize,
    chat: run.chat,
    autofill: run.autofill,
    routing: run.routing,
  };
}

export type BenchResults = ReturnType<typeof buildResults>;

export function writeResults(results: BenchResults, path: string): void {
  writeFileSync(path, `${JSON.stringify(results, (_k, v: unknown) => (Number.isNaN(v) ? null : v), 2)}\n`);
}

const fmt = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2);

function statRows(measures: Record<string, Stat>): string[] {
  return Object.entries(measures).map(
    ([name, s]) =>
      `  ${name.padEnd(40)} ${fmt(s.median).padStart(9)} ${fmt(s.min).padStart(9)} ${fmt(s.max).padStart(9)} ${String(s.runs).padStart(4)}`,
  );
}

export function formatTable(results: BenchResults): string {
  const header = `  ${'measure (ms, tok/s)'.padEnd(40)} ${'median'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)} ${'n'.padStart(4)}`;
  const lines: string[] = [
    `Edgewise bench — ${results.machine.cpu} (${results.machine.cores} cores), ${results.machine.chromium}`,
  ];
  for (const [key, m] of Object.entries(results.models)) {
    if (!m || typeof m !== 'object') continue;
    if ('skipped' in m) {
      lines.push('', `${key}: ${String(m.skipped)}`);
      continue;
    }
    const report = m as ModelReport & { ratios: Record<string, number> };
    lines.push('', `${report.model} (${report.tokens} tokens forced, prompt ${report.promptTokens} tokens)`, header);
    lines.push(...statRows(report.measures));
    lines.push(...Object.entries(report.ratios).map(([k, v]) => `  ${k.padEnd(40)} ${fmt(v).padStart(9)}`));
  }
  lines.push(
    '',
    `page cost (${results.page.pageBytes} bytes HTML; content script ran: ${results.page.contentScriptRan})`,
    header,
  );
  lines.push(...statRows(results.page.measures));
  const t = results.threads;
  if (t) {
    lines.push(
      '',
      `threads: ${t.used} used (offscreen crossOriginIsolated=${t.offscreen?.crossOriginIsolated ?? '?'}, SharedArrayBuffer=${t.offscreen?.sharedArrayBuffer ?? '?'}, shared wasm memory=${t.offscreen?.sharedWasmMemory ?? '?'}; manifest COEP/COOP: ${String(t.manifestCoep ?? 'absent')}/${String(t.manifestCoop ?? 'absent')})`,
      `         ${t.forcedAsked} forced in an extension page → ORT kept ${t.forcedKept ?? '—'}`,
    );
  }
  lines.push('', 'summarize pipeline:');
  if ('skipped' in results.summarize) lines.push(`  skipped: ${results.summarize.skipped}`);
  else {
    for (const [name, s] of Object.entries(results.summarize.measures)) {
      lines.push(
        `  ${name.padEnd(28)} ${s.median.toFixed(1).padStart(9)} ms  (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, ${s.runs} runs)`,
      );
    }
    for (const note of results.summarize.notes) lines.push(`  ${note}`);
  }
  lines.push('', 'chat (Enter to finished answer):');
  for (const [name, s] of Object.entries(results.chat.measures)) {
    lines.push(
      `  ${name.padEnd(36)} ${s.median.toFixed(0).padStart(7)} ms  (min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}, ${s.runs} runs)`,
    );
  }
  for (const note of results.chat.notes) lines.push(`  ${note}`);
  lines.push('', 'form suggestions (focus to popup painted, 200-field form):', header);
  lines.push(...statRows(results.autofill.popup.measures));
  lines.push('', 'autofill classifier over the fixture forms (precision / recall / F1, fields):');
  for (const [token, score] of Object.entries(results.autofill.score.perToken)) {
    lines.push(
      `  ${token.padEnd(22)} ${fmt(score.precision).padStart(6)} ${fmt(score.recall).padStart(6)} ${fmt(score.f1).padStart(6)} ${String(score.support).padStart(5)}`,
    );
  }
  lines.push('', 'named figures:');
  for (const [name, { target, met }] of Object.entries(results.targets) as [
    NamedFigure,
    { target: string; met: boolean },
  ][]) {
    const value = results[name];
    lines.push(
      `  ${name.padEnd(28)} ${fmt(value).padStart(9)}   target ${target.padEnd(24)} ${met ? 'met' : 'NOT met'}  [${results.named_from[name]}]`,
    );
  }
  lines.push(`wall time ${results.wall_seconds} s`);
  return lines.join('\n');
}
