/**
 * `npm run bench`: builds (in the npm script), then measures the built extension in
 * Chromium and writes bench-results.json at the repo root. Run counts: see config.ts.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../e2e/harness/paths';
import { configFromEnv } from './config';
import { buildResults, formatTable, writeResults } from './report';
import { runBench } from './run';

test('bench', async () => {
  const config = configFromEnv(resolve(ROOT, 'bench-results.json'), availableParallelism());
  const results = buildResults(await runBench(config));
  writeResults(results, config.output);
  console.log(`${formatTable(results)}\nwrote ${config.output}`);
  expect(results.content_script_bytes).toBeGreaterThan(0);
});
