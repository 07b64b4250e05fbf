/**
 * One "summarize this page" job, from click to stored summary: extract, reuse an
 * unchanged page's summary, make sure the model is there (with the user's consent to
 * download it), summarize, save. UI-free: the side panel renders the states it emits.
 */
import type { ExtractedPage, SourceMode } from '@/lib/extract';
import type { DownloadProgress } from '@/lib/engine';
import type { SummaryRecord } from '@/lib/store';
import { describeCoverage } from './coverage';
import { summarizeText, type SummaryModel, type SummaryProgress } from './map-reduce';
import { i18n } from '@/lib/i18n';

/** What the side panel shows while a job runs. */
export type JobState =
  | { kind: 'extracting' }
  /** The model is not downloaded: the panel shows the model offer; the job goes on once it is stored. */
  | { kind: 'needs-model'; modelId: string; page: ExtractedPage }
  /** The model is loading from IndexedDB. */
  | { kind: 'loading-model'; modelId: string; page: ExtractedPage; progress: DownloadProgress | null }
  | { kind: 'summarizing'; page: ExtractedPage; progress: SummaryProgress | null; text: string; draft: string }
  | { kind: 'done'; page: ExtractedPage; record: SummaryRecord; fromCache: boolean; capped: string | null }
  | { kind: 'error'; message: string; page: ExtractedPage | null; partialText: string };

export interface JobDeps {
  extract(mode: SourceMode): Promise<ExtractedPage>;
  hash(text: string): Promise<string>;
  findStored(key: Pick<SummaryRecord, 'url' | 'contentHash' | 'modelId' | 'mode'>): Promise<SummaryRecord | undefined>;
  save(record: Omit<SummaryRecord, 'id'>): Promise<number>;
  modelId: string;
  /**
   * Resolves once the model is stored whole (the model gate): at once, or after calling
   * `onWaiting` and the user's download from the offer. Rejects when the job is stopped.
   */
  whenStored(onWaiting: () => void): Promise<void>;
  /** Loads the stored model. */
  load(onProgress: (progress: DownloadProgress) => void): Promise<Omit<SummaryModel, 'generate'>>;
  generate: SummaryModel['generate'];
  now(): number;
}

export interface JobOptions {
  mode: SourceMode;
  /** Ignore a stored summary of the same content (the "regenerate" button). */
  fresh?: boolean;
}

/** Runs a job, reporting every state; never throws (errors become an `error` state). */
export async function runSummaryJob(
  options: JobOptions,
  deps: JobDeps,
  emit: (state: JobState) => void,
): Promise<void> {
  let page: ExtractedPage | null = null;
  let text = '';
  try {
    emit({ kind: 'extracting' });
    page = await deps.extract(options.mode);
    const current = page;
    const key = {
      url: current.url,
      contentHash: await deps.hash(current.text),
      modelId: deps.modelId,
      mode: options.mode,
    };
    const stored = options.fresh ? undefined : await deps.findStored(key);
    const capped = current.capped
      ? i18n.t('summarize.capped', [
          current.capped.keptChars.toLocaleString('en-US'),
          current.capped.totalChars.toLocaleString('en-US'),
          current.capped.reason,
        ])
      : null;
    if (stored) {
      emit({ kind: 'done', page: current, record: stored, fromCache: true, capped });
      return;
    }
    await deps.whenStored(() => emit({ kind: 'needs-model', modelId: deps.modelId, page: current }));
    emit({ kind: 'loading-model', modelId: deps.modelId, page: current, progress: null });
    const model = await deps.load((progress) =>
      emit({ kind: 'loading-model', modelId: deps.modelId, page: current, progress }),
    );
    let progress: SummaryProgress | null = null;
    let draft = '';
    const show = () => emit({ kind: 'summarizing', page: current, progress, text, draft });
    show();
    const outcome = await summarizeText(
      current,
      current.text,
      { ...model, generate: deps.generate },
      {
        onProgress: (p) => {
          progress = p;
          draft = '';
          show();
        },
        onText: (piece, target) => {
          if (target === 'final') text += piece;
          else draft += piece;
          show();
        },
      },
    );
    const record: Omit<SummaryRecord, 'id'> = {
      ...key,
      title: current.title,
      text: outcome.complete ? outcome.text : text || outcome.text,
      complete: outcome.complete,
      coverage: describeCoverage(outcome.coverage),
      parts: outcome.partSummaries,
      createdAt: deps.now(),
    };
    const id = await deps.save(record);
    emit({ kind: 'done', page: current, record: { ...record, id }, fromCache: false, capped });
  } catch (error) {
    emit({ kind: 'error', message: error instanceof Error ? error.message : String(error), page, partialText: text });
  }
}
