import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '@/lib/i18n';
import { JOB_KEY, takeJob, type EngineConnection, type SessionStorageArea } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { clearSummaries, deleteSummary, listSummaries, type EdgewiseDatabase, type SummaryRecord } from '@/lib/store';
import type { JobState, SummaryMode } from '@/lib/summarize';
import { HistoryList } from './HistoryList';
import { startJob, type JobRunner } from './job-runner';
import { SummaryView } from './SummaryView';

interface Props {
  connection: EngineConnection | null;
  db: EdgewiseDatabase;
  session: SessionStorageArea;
  /** A job came from the context menu or the shortcut: the panel shows this view. */
  onJob(): void;
}

/** Summaries: the current one (streamed, with coverage), jobs from the menu, and past summaries. */
export function SummaryPanel({ connection, db, session, onJob }: Props) {
  const [state, setState] = useState<JobState | null>(null);
  const [running, setRunning] = useState(false);
  const [history, setHistory] = useState<SummaryRecord[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  /** Counts jobs started, so anyone reading the panel can tell a new summary from the last one. */
  const [runs, setRuns] = useState(0);
  const runner = useRef<JobRunner | null>(null);
  const activeJob = useRef<symbol | null>(null);
  const last = useRef<{ tabId: number; mode: SummaryMode } | null>(null);
  const consent = useRef<(() => void) | null>(null);

  const refreshHistory = useCallback(() => void listSummaries(db).then(setHistory), [db]);

  const run = useCallback(
    async (tabId: number, mode: SummaryMode, fresh = false) => {
      if (!connection) return;
      runner.current?.stop();
      last.current = { tabId, mode };
      setRunning(true);
      const settings = await loadSettings(db);
      // Counted here, with no await before the job's first state, so a reader never sees
      // the new number next to the previous job's result.
      setRuns((n) => n + 1);
      const askToDownload = () => new Promise<void>((resolve) => (consent.current = resolve));
      // A stopped job still reports its last state; only the newest job may change the view.
      const ctx = { engine: connection.engine, db, settings, askToDownload };
      const token = Symbol('job');
      activeJob.current = token;
      const job = startJob(tabId, mode, fresh, ctx, (next) => activeJob.current === token && setState(next));
      runner.current = job;
      await job.done;
      if (runner.current === job) {
        runner.current = null;
        setRunning(false);
      }
      refreshHistory();
    },
    [connection, db, refreshHistory],
  );

  useEffect(refreshHistory, [refreshHistory]);

  // Jobs from the context menu and the shortcut: one waiting now, or arriving while open.
  useEffect(() => {
    if (!connection) return;
    const pick = () =>
      void takeJob(session).then((job) => {
        if (!job) return;
        onJob();
        void run(job.tabId, job.mode);
      });
    pick();
    const onChanged = (changes: Record<string, unknown>) => JOB_KEY in changes && pick();
    browser.storage.session.onChanged.addListener(onChanged);
    return () => browser.storage.session.onChanged.removeListener(onChanged);
  }, [connection, run, session, onJob]);

  // Closing or navigating the summarized tab stops the job cleanly.
  useEffect(() => {
    const stopFor = (tabId: number, why: string) => {
      if (runner.current?.tabId !== tabId) return;
      runner.current.stop();
      setNotice(why);
    };
    const onRemoved = (tabId: number) => stopFor(tabId, i18n.t('summary.tabClosed'));
    const onUpdated = (tabId: number, change: { url?: string }) =>
      change.url && stopFor(tabId, i18n.t('summary.pageChanged'));
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const summarizeActiveTab = async () => {
    setNotice(null);
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id !== undefined) await run(tab.id, 'page');
  };

  return (
    <>
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          disabled={!connection || running}
          onClick={() => void summarizeActiveTab()}
        >
          {i18n.t('summary.summarizePage')}
        </button>
      </div>
      {notice && (
        <p role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {state ? (
        <SummaryView
          run={runs}
          state={state}
          running={running}
          onStop={() => runner.current?.stop()}
          onRegenerate={() => last.current && void run(last.current.tabId, last.current.mode, true)}
          onConsent={() => consent.current?.()}
        />
      ) : (
        <p class="empty">{i18n.t('summary.empty')}</p>
      )}
      <HistoryList
        items={history}
        onOpen={(item) => setState(historyState(item))}
        onDelete={(id) => void deleteSummary(db, id).then(refreshHistory)}
        onClear={() => void clearSummaries(db).then(refreshHistory)}
      />
    </>
  );
}

/** A stored summary shown as a finished job. */
function historyState(item: SummaryRecord): JobState {
  const page = {
    title: item.title,
    url: item.url,
    byline: '',
    lang: '',
    text: '',
    wordCount: 0,
    source: 'article' as const,
    capped: null,
    ms: 0,
  };
  return { kind: 'done', page, record: item, fromCache: true, capped: null };
}
