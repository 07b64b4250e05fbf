/**
 * Keeps `npm run bench` from rotting: runs the bench code end to end on the tiny model
 * with one iteration (numbers are meaningless here; only that every figure is produced).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildResults, formatTable, writeResults } from '../bench/report';
import { runBench } from '../bench/run';

test('the bench runs on the tiny model and produces every named figure', async () => {
  const output = join(mkdtempSync(join(tmpdir(), 'edgewise-bench-smoke-')), 'bench-results.json');
  const run = await runBench(
    {
      runs: 1,
      loadRuns: 1,
      pageRuns: 1,
      models: ['echo-tiny'],
      forcedThreads: 2,
      summaryLengths: [4],
      chatLengths: [16],
      autofillFocuses: 4,
      autofillPages: 2,
      output,
    },
    () => undefined,
  );
  const results = buildResults(run);
  for (const name of [
    'overhead_tok_s_ratio',
    'wasm_vs_native_ratio',
    'cached_load_ratio',
    'page_load_ratio',
  ] as const) {
    expect(results[name], name).toBeGreaterThan(0);
  }
  expect(Number.isFinite(results.overhead_ttft_ms)).toBe(true);
  expect(results.content_script_bytes).toBeGreaterThan(0);
  // Form suggestions: first and warm focuses timed, and the classifier scored per type.
  expect(results.autofill_popup_p95_ms).toBeGreaterThan(0);
  expect(results.autofill_popup_first_ms).toBeGreaterThan(0);
  expect(results.autofill_classify_ms_200).toBeGreaterThan(0);
  expect(results.autofill_fixture_f1).toBeGreaterThan(0.9);
  expect(Object.keys(results.autofill.score.perToken)).toContain('email');
  expect(results.page.contentScriptRan).toBe(true);
  expect(results.threads?.used).toBeGreaterThanOrEqual(1);
  // Extraction is timed for every fixture page and a 10 MB page, which is capped, never silently.
  expect(results.summarize).toHaveProperty('measures.extract_ms_news');
  expect(results.summarize).toHaveProperty('measures.extract_ms_ten-megabytes');
  // End-to-end summaries at several page lengths, each fully covered.
  expect(results.summarize).toHaveProperty('measures.summary_ms_4_paragraphs');
  expect('notes' in results.summarize && results.summarize.notes.join('\n')).toMatch(/article-4: Summarized all/);
  expect('notes' in results.summarize && results.summarize.notes.join('\n')).toMatch(
    /ten-megabytes: [\d,]+ characters \(capped/,
  );
  // Chat answers are timed up to the 10 MB page, each through retrieval (the page never fits the window).
  expect(results.chat).toHaveProperty('measures.chat_answer_ms_article-16');
  expect(results.chat).toHaveProperty('measures.chat_answer_ms_ten-megabytes');
  expect(results.chat.notes.join('\n')).toMatch(/ten-megabytes: complete; Used parts [\d, ]+ of [\d,]+ that match/);
  // Routing (issue 14): a decision is timed, and a cloud request through the extension against a plain fetch.
  expect(results.route_decision_ms).toBeGreaterThan(0);
  expect(results.route_decision_ms).toBeLessThan(1);
  expect(Number.isFinite(results.cloud_overhead_ms)).toBe(true);
  expect(results.routing.cloud.measures['cloud.extension_ms']?.median).toBeGreaterThan(0);
  expect(formatTable(results)).toContain('overhead_tok_s_ratio');
  writeResults(results, output);
  const written = JSON.parse(readFileSync(output, 'utf8')) as Record<string, unknown>;
  for (const name of [
    'overhead_tok_s_ratio',
    'overhead_ttft_ms',
    'wasm_vs_native_ratio',
    'cached_load_ratio',
    'page_load_ratio',
    'content_script_bytes',
    'autofill_popup_p95_ms',
    'autofill_classify_ms_200',
    'autofill_fixture_f1',
  ]) {
    expect(typeof written[name], name).toBe('number');
  }
  // Generous: a busy 2-core CI machine (unit tests running alongside) can take several times longer.
}, 600_000);
