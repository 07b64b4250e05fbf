/** Run counts and model choice; environment variables override the defaults. */
import type { ModelKey } from './models';

export interface BenchConfig {
  /** Timed generations per path and model (BENCH_RUNS). */
  runs: number;
  /** Timed loads per kind and model (BENCH_LOAD_RUNS, default: BENCH_RUNS capped at 3). */
  loadRuns: number;
  /** Page loads per browser (BENCH_PAGE_RUNS, default 3 × BENCH_RUNS). */
  pageRuns: number;
  /** Models to run (BENCH_MODELS=echo-tiny,smollm2-135m). */
  models: ModelKey[];
  /** ORT threads for the extra "threads forced" direct run; 0 skips it (BENCH_FORCED_THREADS). */
  forcedThreads: number;
  /** Paragraph counts for the end-to-end summary series (the smoke test uses one small page). */
  summaryLengths?: number[];
  /** Paragraph counts for the chat series (the 10 MB page is always added). */
  chatLengths?: number[];
  /** Timed focuses on the 200-field form (BENCH_AUTOFILL_FOCUSES, default 60: at least 50), over a few page loads. */
  autofillFocuses: number;
  /** Page loads those focuses are spread over; each load's first focus injects the UI (BENCH_AUTOFILL_PAGES, default 2). */
  autofillPages: number;
  /** Where to write the results (BENCH_OUTPUT; default bench-results.json at the repo root). */
  output: string;
}

function count(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function configFromEnv(output: string, hardwareThreads: number): BenchConfig {
  const runs = count('BENCH_RUNS', 5);
  const models = (process.env.BENCH_MODELS ?? 'echo-tiny,smollm2-135m')
    .split(',')
    .map((m) => m.trim())
    .filter((m): m is ModelKey => m === 'echo-tiny' || m === 'smollm2-135m');
  const forced = Number(process.env.BENCH_FORCED_THREADS);
  return {
    runs,
    loadRuns: count('BENCH_LOAD_RUNS', Math.min(runs, 3)),
    pageRuns: count('BENCH_PAGE_RUNS', runs * 3),
    models: models.length ? models : ['echo-tiny'],
    forcedThreads: Number.isInteger(forced) && forced >= 0 ? forced : Math.min(4, hardwareThreads),
    autofillFocuses: count('BENCH_AUTOFILL_FOCUSES', 60),
    autofillPages: count('BENCH_AUTOFILL_PAGES', 2),
    output: process.env.BENCH_OUTPUT ?? output,
  };
}
