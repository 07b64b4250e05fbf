/**
 * Summary jobs in the panel (lib/panel/summaries.ts) with the real engine and model gate
 * in Node, WXT's fake browser for storage.session and tabs, and a stand-in page reader.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractedPage } from '@/lib/extract';
import { i18n } from '@/lib/i18n';
import { postJob } from '@/lib/messaging';
import { SummaryJobs, TabWatcher, createPanelBus, type PanelBus } from '@/lib/panel';
import { listSummaries } from '@/lib/store';
import { ECHO_MODEL } from './helpers/node-engine';
import { startPanelServices, type PanelServices } from './helpers/panel-services';

const page: ExtractedPage = {
  title: 'Tides',
  url: 'https://example.com/tides',
  byline: '',
  lang: 'en',
  text: 'High tide comes at six forty.',
  wordCount: 6,
  source: 'article',
  capped: null,
  secretFields: false,
  ms: 1,
};

let p: PanelServices;
let bus: PanelBus;
let jobs: SummaryJobs;
const requested: number[] = [];

/** URLs the summaries handed to page memory. */
const remembered: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  p = await startPanelServices();
  bus = createPanelBus();
  bus.on('summaryRequested', ({ tabId }) => requested.push(tabId));
  requested.length = 0;
  remembered.length = 0;
  const tabs = new TabWatcher({ tabs: fakeBrowser.tabs, windows: fakeBrowser.windows, ownOrigin: 'x://', bus });
  jobs = new SummaryJobs({
    db: p.node.db,
    session: fakeBrowser.storage.session,
    gate: p.gate,
    remember: (page) => void remembered.push(page.url),
    models: p.models,
    engine: () => p.node.engine,
    readPage: async () => page,
    tabs,
    bus,
  });
  jobs.start();
});
afterEach(async () => {
  jobs.close();
  await p.close();
});

const job = () => jobs.state.value.job;
const park = (tabId: number) =>
  postJob(fakeBrowser.storage.session, { id: 'j1', tabId, mode: 'page', createdAt: Date.now() });

describe('a job from the menu', () => {
  test('the panel is asked to show it, the model is offered, and after the yes it is summarized and saved', async () => {
    await park(5);
    await expect.poll(() => job()?.kind).toBe('needs-model');
    expect(requested).toEqual([5]);
    expect(jobs.state.value.running).toBe(true);
    expect(p.node.hub.requests).toEqual([]); // the offer fetches nothing

    expect(job()).toMatchObject({ kind: 'needs-model', modelId: ECHO_MODEL });
    await p.gate.accept(ECHO_MODEL);
    await expect.poll(() => job()?.kind, { timeout: 30_000 }).toBe('done');
    const done = job()!;
    expect(done.kind === 'done' && done.record.text).toContain('six forty');
    expect(jobs.state.value).toMatchObject({ running: false, runs: 1 });
    expect((await listSummaries(p.node.db)).map((s) => s.url)).toEqual([page.url]);
    await expect.poll(() => jobs.state.value.history.length).toBe(1);
  });

  test('Stop while the model is offered ends the job with a clear message and downloads nothing', async () => {
    await park(5);
    await expect.poll(() => job()?.kind).toBe('needs-model');
    jobs.stop();
    await expect.poll(() => job()?.kind).toBe('error');
    expect(job()).toMatchObject({ message: 'Stopped before the model was downloaded.' });
    expect(jobs.state.value.running).toBe(false);
    expect(p.node.hub.requests).toEqual([]);
  });

  test('choosing another model from the offer starts the job again with that model', async () => {
    await park(5);
    await expect.poll(() => job()).toMatchObject({ kind: 'needs-model', modelId: ECHO_MODEL });
    await p.models.changeSettings({ modelId: 'edgewise-test/echo-tiny-1k' });
    await expect.poll(() => job()).toMatchObject({ kind: 'needs-model', modelId: 'edgewise-test/echo-tiny-1k' });
    expect(jobs.state.value.runs).toBe(2);
    expect(p.node.hub.requests).toEqual([]);
  });

  test('closing the summarized tab stops the job and says why; another tab’s closing does not', async () => {
    await park(5);
    await expect.poll(() => job()?.kind).toBe('needs-model');
    bus.emit('tabClosed', { tabId: 6 });
    expect(jobs.state.value.notice).toBeNull();
    bus.emit('tabClosed', { tabId: 5 });
    await expect.poll(() => jobs.state.value.running).toBe(false);
    expect(jobs.state.value.notice).toBe(i18n.t('summary.tabClosed'));
  });
});
