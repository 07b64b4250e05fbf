/**
 * Summaries in the panel, UI-free: the current job (streamed, with coverage), jobs
 * handed over by the menu and the shortcut, Stop and Regenerate, and past summaries.
 * A job that needs a model waits at the one model gate, which shows the same offer as
 * chat; the answer comes through the one answer stream.
 */
import { streamAnswer, type AnswerEngine } from '@/lib/answer';
import type { ExtractedPage, SourceMode } from '@/lib/extract';
import { sha256Hex } from '@/lib/hash';
import { i18n } from '@/lib/i18n';
import { JOB_KEY, takeJob, type SessionStorage } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import {
  clearSummaries,
  deleteSummary,
  findStoredSummary,
  listSummaries,
  saveSummary,
  type EdgewiseDatabase,
  type SummaryRecord,
} from '@/lib/store';
import { runSummaryJob, type JobState } from '@/lib/summarize';
import type { WxtBrowser } from 'wxt/browser';
import type { PageReader } from './chat-sessions';
import type { PanelBus } from './events';
import type { ModelGate } from './model-gate';
import type { ModelLibrary } from './models';
import { Observable, type Readable } from './observable';
import type { TabWatcher } from './tabs';

export interface SummaryState {
  /** The job on screen (running, finished, or opened from history); null before any. */
  job: JobState | null;
  running: boolean;
  /** Jobs started so far, so anyone reading the panel can tell a new summary from the last one. */
  runs: number;
  /** Why the last job stopped on its own (its tab closed or navigated). */
  notice: string | null;
  history: SummaryRecord[];
}

export interface SummaryJobsDeps {
  db: EdgewiseDatabase;
  /** Where the background parks jobs (`storage.session`). */
  session: SessionStorage & Pick<WxtBrowser['storage']['session'], 'onChanged'>;
  gate: ModelGate;
  /** Watched while a job waits for its model: choosing another model restarts the job with it. */
  models: ModelLibrary;
  engine(): AnswerEngine;
  readPage: PageReader;
  /** A page that was summarized: page memory decides whether to keep it. */
  remember(page: ExtractedPage): void;
  tabs: TabWatcher;
  bus: PanelBus;
  now?(): number;
}

interface RunningJob {
  tabId: number;
  mode: SourceMode;
  abort: AbortController;
}

export class SummaryJobs {
  private readonly current = new Observable<SummaryState>({
    job: null,
    running: false,
    runs: 0,
    notice: null,
    history: [],
  });
  private running: RunningJob | null = null;
  private last: { tabId: number; mode: SourceMode } | null = null;
  private readonly unlisten: (() => void)[] = [];

  constructor(private readonly deps: SummaryJobsDeps) {}

  get state(): Readable<SummaryState> {
    return this.current;
  }

  /** Takes a job waiting now, and every job parked while the panel is open. */
  start(): void {
    const { session, bus } = this.deps;
    const onChanged = (changes: Record<string, unknown>) => {
      if (JOB_KEY in changes) void this.takeParkedJob();
    };
    session.onChanged.addListener(onChanged);
    this.unlisten.push(
      () => session.onChanged.removeListener(onChanged),
      // Closing or navigating the summarized tab stops the job cleanly.
      bus.on('tabClosed', ({ tabId }) => this.stopFor(tabId, i18n.t('summary.tabClosed'))),
      bus.on('tabNavigated', ({ tabId }) => this.stopFor(tabId, i18n.t('summary.pageChanged'))),
    );
    void this.takeParkedJob();
    void this.refreshHistory();
  }

  close(): void {
    for (const stop of this.unlisten.splice(0)) stop();
    this.stop();
  }

  /** Summarizes the tab the user is looking at. */
  async summarizeFocusedTab(): Promise<void> {
    this.update({ notice: null });
    const tab = await this.deps.tabs.focusedTab();
    if (tab) await this.run(tab.tabId, 'page');
  }

  /** Summarizes the last job's page again, ignoring a saved summary. */
  async regenerate(): Promise<void> {
    if (this.last) await this.run(this.last.tabId, this.last.mode, true);
  }

  /** Stops the running job within one token; what was written is kept. */
  stop(): void {
    this.running?.abort.abort();
  }

  /** Shows a saved summary as a finished job. */
  show(record: SummaryRecord): void {
    this.update({ job: historyState(record) });
  }

  async remove(id: number): Promise<void> {
    await deleteSummary(this.deps.db, id);
    await this.refreshHistory();
  }

  async clear(): Promise<void> {
    await clearSummaries(this.deps.db);
    await this.refreshHistory();
  }

  /** Runs a job for `tabId`; a running job is stopped first. Resolves when it has ended. */
  async run(tabId: number, mode: SourceMode, fresh = false): Promise<void> {
    this.stop();
    this.last = { tabId, mode };
    const job: RunningJob = { tabId, mode, abort: new AbortController() };
    this.running = job;
    const { db, gate } = this.deps;
    const { modelId } = await loadSettings(db);
    // Counted with the job's first state, so a reader never sees the new number next to the
    // previous job's result.
    this.update({ running: true, runs: this.current.value.runs + 1 });
    const signal = job.abort.signal;
    await runSummaryJob(
      { mode, fresh },
      {
        extract: async (m) => {
          const page = await this.deps.readPage(tabId, m);
          // A selection is not the page: memory keeps whole pages, which search can cite.
          if (m === 'page') this.deps.remember(page);
          return page;
        },
        hash: (text) => sha256Hex(text),
        findStored: (key) => findStoredSummary(db, key),
        save: (record) => saveSummary(db, record),
        modelId,
        whenStored: (onWaiting) => this.waitForModel(modelId, job, onWaiting),
        load: (onProgress) => gate.loadForText(modelId, onProgress),
        generate: (messages, maxNewTokens, onText) =>
          streamAnswer(this.deps.engine(), { feature: 'summary', messages, modelId, maxNewTokens, signal, onText }),
        now: this.deps.now ?? (() => Date.now()),
      },
      // A stopped job still reports its last state; only the newest job may change the view.
      (state) => this.running === job && this.update({ job: state }),
    );
    if (this.running === job) {
      this.running = null;
      this.update({ running: false });
    }
    await this.refreshHistory();
  }

  /**
   * Waits at the model gate. If the user picks another model from the offer ("Choose one
   * in Models") instead, the job starts again with that one rather than waiting forever.
   */
  private async waitForModel(modelId: string, job: RunningJob, onWaiting: () => void): Promise<void> {
    const chosen = new AbortController();
    const { models } = this.deps;
    const unsubscribe = models.state.subscribe(() => {
      const current = models.state.value.settings?.modelId;
      if (current && current !== modelId) chosen.abort();
    });
    try {
      await this.deps.gate.whenStored(modelId, AbortSignal.any([job.abort.signal, chosen.signal]), onWaiting);
    } catch (error) {
      if (chosen.signal.aborted && !job.abort.signal.aborted) void this.run(job.tabId, job.mode);
      throw error;
    } finally {
      unsubscribe();
    }
  }

  private async takeParkedJob(): Promise<void> {
    const job = await takeJob(this.deps.session);
    if (!job) return;
    this.deps.bus.emit('summaryRequested', { tabId: job.tabId });
    this.update({ notice: null });
    await this.run(job.tabId, job.mode);
  }

  private stopFor(tabId: number, notice: string): void {
    if (this.running?.tabId !== tabId) return;
    this.stop();
    this.update({ notice });
  }

  private async refreshHistory(): Promise<void> {
    this.update({ history: await listSummaries(this.deps.db) });
  }

  private update(change: Partial<SummaryState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}

/** A stored summary shown as a finished job. */
function historyState(record: SummaryRecord): JobState {
  const page = {
    title: record.title,
    url: record.url,
    byline: '',
    lang: '',
    text: '',
    wordCount: 0,
    source: 'article' as const,
    capped: null,
    secretFields: false,
    ms: 0,
  };
  return { kind: 'done', page, record, fromCache: true, capped: null };
}
