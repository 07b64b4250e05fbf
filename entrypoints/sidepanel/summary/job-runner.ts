/**
 * Wires a summarize job to the browser and the engine for the side panel: which tab to
 * read, which model to use, and how Stop reaches the engine.
 */
import { browser } from 'wxt/browser';
import { sha256Hex } from '@/lib/hash';
import { generateStream, loadForText, type EngineRemote } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';
import { findStoredSummary, saveSummary, type EdgewiseDatabase } from '@/lib/store';
import { runSummaryJob, type JobState, type SummaryMode } from '@/lib/summarize';
import { extractFromTab, type TabApis } from '@/lib/tabs';

export interface RunnerContext {
  engine: EngineRemote;
  db: EdgewiseDatabase;
  settings: Settings;
  /** Resolves when the user agrees to download the model. */
  askToDownload(): Promise<void>;
}

/** A running job; `stop` ends it within one token and keeps what was written. */
export interface JobRunner {
  readonly tabId: number;
  readonly done: Promise<void>;
  stop(): void;
}

let requests = 0;

export function startJob(
  tabId: number,
  mode: SummaryMode,
  fresh: boolean,
  ctx: RunnerContext,
  emit: (s: JobState) => void,
): JobRunner {
  let stopped = false;
  let current: string | null = null;
  const done = runSummaryJob(
    { mode, fresh },
    {
      extract: (m) => extractFromTab(browser as unknown as TabApis, tabId, m),
      hash: (text) => sha256Hex(text),
      findStored: (key) => findStoredSummary(ctx.db, key),
      save: (record) => saveSummary(ctx.db, record),
      modelId: ctx.settings.modelId,
      isDownloaded: async () =>
        (await ctx.engine.listCached()).some((m) => m.modelId === ctx.settings.modelId && m.complete),
      askToDownload: ctx.askToDownload,
      load: (onProgress) => loadForText(ctx.engine, ctx.settings.modelId, onProgress),
      async generate(messages, maxNewTokens, onText) {
        if (stopped) return { text: '', stopped: true };
        const requestId = `summary-${Date.now()}-${++requests}`;
        current = requestId;
        try {
          const result = await generateStream(ctx.engine, { requestId, messages, maxNewTokens }, onText);
          return { text: result.text, stopped: result.finishReason === 'cancelled' };
        } finally {
          current = null;
        }
      },
      now: () => Date.now(),
    },
    emit,
  );
  return {
    tabId,
    done,
    stop() {
      stopped = true;
      if (current) void ctx.engine.cancel(current);
    },
  };
}
