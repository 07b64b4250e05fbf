import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields } from '@/lib/autofill/classify';
import { classifyFixturesScore, generateLargeForm, openPage, timeClassify200 } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

test('the generated form has 200 fields with ids f0…f199, all classified', () => {
  const html = generateLargeForm(200);
  const { window, document } = openPage(`<!doctype html><html lang="en"><body>${html}</body></html>`);
  windows.push(window);
  const fields = classifyFields(document);
  expect(fields).toHaveLength(200);
  expect(fields.map((f) => f.element.id)).toEqual(Array.from({ length: 200 }, (_, i) => `f${i}`));
  // Mixed rows: most are structured fields, some are not (a referral select, a question).
  const known = fields.filter((f) => f.token !== 'unknown').length;
  expect(known).toBeGreaterThan(150);
  expect(known).toBeLessThan(200);
});

test('the fixture score is high and per token', () => {
  const { perToken, micro } = classifyFixturesScore();
  expect(micro.f1).toBeGreaterThan(0.9);
  expect(perToken['email']?.support).toBeGreaterThan(10);
  // Every secret type is among the scored ones: the fixtures exercise what must be excluded.
  for (const token of ['cc-number', 'cc-csc', 'current-password', 'new-password', 'one-time-code']) {
    expect(perToken[token]?.support, token).toBeGreaterThan(0);
  }
});

test('classifying 200 fields is timed', () => {
  const { medianMs, p95Ms, fields } = timeClassify200(60);
  expect(fields).toBe(200);
  expect(medianMs).toBeGreaterThan(0);
  expect(p95Ms).toBeGreaterThanOrEqual(medianMs);
});
