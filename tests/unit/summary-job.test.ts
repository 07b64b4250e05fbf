import { describe, expect, test } from 'vitest';
import type { ExtractedPage } from '@/lib/extract';
import type { SummaryRecord } from '@/lib/store';
import { runSummaryJob, type JobDeps, type JobState } from '@/lib/summarize';

const page: ExtractedPage = {
  title: 'Tides',
  url: 'https://example.com/tides',
  byline: '',
  lang: 'en',
  text: 'The tide comes in twice a day.',
  wordCount: 7,
  source: 'article',
  capped: null,
  secretFields: false,
  ms: 1,
};

function deps(overrides: Partial<JobDeps> = {}) {
  const saved: Omit<SummaryRecord, 'id'>[] = [];
  let generated = 0;
  const base: JobDeps = {
    extract: async () => page,
    hash: async (text) => `hash:${text.length}`,
    findStored: async () => undefined,
    save: async (record) => (saved.push(record), saved.length),
    modelId: 'a/b',
    whenStored: async () => undefined,
    load: async () => ({ contextWindow: 4096, countTokens: async (t) => t.map((s) => s.length) }),
    generate: async (_messages, _max, onText) => {
      generated++;
      onText('- tides');
      return { text: '- tides', stopped: false };
    },
    now: () => 1000,
  };
  return { deps: { ...base, ...overrides }, saved, generated: () => generated };
}

async function run(d: JobDeps, fresh = false) {
  const states: JobState[] = [];
  await runSummaryJob({ mode: 'page', fresh }, d, (s) => states.push(s));
  return states;
}

describe('runSummaryJob', () => {
  test('extracts, summarizes, saves, and reports coverage', async () => {
    const { deps: d, saved } = deps();
    const states = await run(d);
    expect(states.map((s) => s.kind)).toEqual([
      'extracting',
      'loading-model',
      'summarizing',
      'summarizing',
      'summarizing',
      'done',
    ]);
    expect(saved).toEqual([
      expect.objectContaining({
        url: page.url,
        contentHash: 'hash:30',
        modelId: 'a/b',
        text: '- tides',
        complete: true,
        coverage: 'Summarized all 7 words.',
      }),
    ]);
  });

  test('an unchanged page reuses the stored summary without calling the model', async () => {
    const stored = {
      id: 7,
      url: page.url,
      title: 'Tides',
      contentHash: 'hash:30',
      modelId: 'a/b',
      mode: 'page' as const,
      text: 'old',
      complete: true,
      coverage: 'c',
      parts: [],
      createdAt: 1,
    };
    const { deps: d, generated, saved } = deps({ findStored: async () => stored });
    const states = await run(d);
    expect(states.at(-1)).toMatchObject({ kind: 'done', fromCache: true, record: stored });
    expect(generated()).toBe(0);
    expect(saved).toEqual([]);
    // Regenerate ignores it.
    await run(d, true);
    expect(generated()).toBe(1);
  });

  test('offers the model when it is not stored, and goes on once it is', async () => {
    let waited = false;
    const { deps: d } = deps({
      whenStored: async (onWaiting) => {
        onWaiting();
        waited = true;
      },
    });
    const states = await run(d);
    expect(waited).toBe(true);
    expect(states.map((s) => s.kind)).toContain('needs-model');
    expect(states.at(-1)!.kind).toBe('done');
  });

  test('stopped while the model is offered: a clear error, and nothing is loaded', async () => {
    let loads = 0;
    const { deps: d } = deps({
      whenStored: (onWaiting) => {
        onWaiting();
        return Promise.reject(new DOMException('Stopped before the model was downloaded.', 'AbortError'));
      },
      load: async () => (loads++, { contextWindow: 4096, countTokens: async (t) => t.map((s) => s.length) }),
    });
    const states = await run(d);
    expect(states.at(-1)).toMatchObject({ kind: 'error', message: 'Stopped before the model was downloaded.' });
    expect(loads).toBe(0);
  });

  test('an engine failure is shown, with the text written so far', async () => {
    const { deps: d, saved } = deps({
      generate: async (_m, _x, onText) => {
        onText('- the first bullet');
        throw new Error('The connection to the Edgewise engine was lost.');
      },
    });
    const states = await run(d);
    expect(states.at(-1)).toMatchObject({
      kind: 'error',
      message: 'The connection to the Edgewise engine was lost.',
      partialText: '- the first bullet',
    });
    expect(saved).toEqual([]);
  });

  test('an extraction failure is an error state, not an exception', async () => {
    const { deps: d } = deps({ extract: () => Promise.reject(new Error('This page has no readable text.')) });
    expect((await run(d)).at(-1)).toMatchObject({
      kind: 'error',
      message: 'This page has no readable text.',
      page: null,
    });
  });
});
