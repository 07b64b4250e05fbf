import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { renderMarkdown } from '@/lib/markdown';
import { titleOf } from '@/lib/panel';
import type { JobState } from '@/lib/summarize';
import { ModelOffer } from '../models/ModelOffer';
import { usePanel, useValue } from '../use-panel';

interface Props {
  /** Which job this is (1, 2, …), exposed as `data-run`. */
  run: number;
  state: JobState;
  running: boolean;
  onStop(): void;
  onRegenerate(): void;
  /** Shows the model manager (from the model offer). */
  onChooseModel(): void;
  /** Shows Settings (from a download error). */
  onOpenSettings(): void;
  /** Starts a chat that begins with this summary; absent when the summary's page is not the open tab's. */
  onFollowUp?(): void;
}

/** The current summary: page title and link, progress, streamed text, coverage and actions. */
export function SummaryView({
  run,
  state,
  running,
  onStop,
  onRegenerate,
  onChooseModel,
  onOpenSettings,
  onFollowUp,
}: Props) {
  const page = state.kind === 'extracting' ? null : state.page;
  const text =
    state.kind === 'done'
      ? state.record.text
      : state.kind === 'summarizing'
        ? state.text
        : state.kind === 'error'
          ? state.partialText
          : '';
  const partial =
    (state.kind === 'done' && !state.record.complete) || (state.kind === 'error' && Boolean(state.partialText));
  return (
    <section aria-labelledby="summary-heading" class="summary-view" data-run={run} data-state={state.kind}>
      <h2 id="summary-heading">{i18n.t('summary.heading')}</h2>
      {page && (
        <p class="source muted">
          {i18n.t('summary.source')}{' '}
          <a href={page.url} target="_blank" rel="noopener noreferrer" data-testid="summary-source">
            {titleOf(page)}
          </a>
        </p>
      )}
      <Status state={state} onChooseModel={onChooseModel} onOpenSettings={onOpenSettings} />
      {text && (
        <div
          class={`summary${partial ? ' partial' : ''}`}
          data-testid="summary-text"
          aria-live="polite"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
        />
      )}
      {partial && <p class="muted">{i18n.t('summary.partial')}</p>}
      {state.kind === 'done' && state.record.complete && !text.trim() && (
        <p class="muted" data-testid="empty-summary">
          {i18n.t('summary.emptyResult')}
        </p>
      )}
      {state.kind === 'done' && state.record.parts.length > 0 && (
        <details>
          <summary>{i18n.t('summary.partSummaries', [state.record.parts.length])}</summary>
          <ol data-testid="part-summaries">
            {state.record.parts.map((part, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: renderMarkdown(part) }} />
            ))}
          </ol>
        </details>
      )}
      <div class="toolbar">
        {running && (
          <button type="button" onClick={onStop}>
            {i18n.t('summary.stop')}
          </button>
        )}
        {!running && text && (
          <button type="button" onClick={() => void navigator.clipboard.writeText(text)}>
            {i18n.t('summary.copy')}
          </button>
        )}
        {!running && page && (
          <button type="button" onClick={onRegenerate}>
            {i18n.t('summary.regenerate')}
          </button>
        )}
        {!running && onFollowUp && (
          <button type="button" class="primary" onClick={onFollowUp}>
            {i18n.t('summary.followUp')}
          </button>
        )}
      </div>
    </section>
  );
}

function Status({
  state,
  onChooseModel,
  onOpenSettings,
}: {
  state: JobState;
  onChooseModel(): void;
  onOpenSettings(): void;
}) {
  switch (state.kind) {
    case 'extracting':
      return <p role="status">{i18n.t('summary.reading')}</p>;
    case 'needs-model':
      return (
        <SummaryModelOffer modelId={state.modelId} onChooseModel={onChooseModel} onOpenSettings={onOpenSettings} />
      );
    case 'loading-model': {
      const p = state.progress;
      return (
        <div role="status">
          <p>{p ? i18n.t('models.loadingFromDevice', [formatBytes(p.loaded)]) : i18n.t('summary.loadingModel')}</p>
        </div>
      );
    }
    case 'summarizing': {
      const p = state.progress;
      const label = !p
        ? i18n.t('summary.starting')
        : p.phase === 'map'
          ? i18n.t('summary.readingPart', [p.part, p.parts])
          : p.phase === 'reduce'
            ? i18n.t('summary.combining', [p.group, p.groups])
            : p.parts > 1
              ? i18n.t('summary.writingAll', [p.parts])
              : i18n.t('summary.writing');
      return (
        <p role="status" data-testid="summary-progress">
          {label}
        </p>
      );
    }
    case 'done':
      return (
        <>
          <p class="muted" data-testid="coverage">
            {state.record.coverage}
            {state.fromCache && ` ${i18n.t('summary.fromCache')}`}
          </p>
          {state.capped && <p class="muted">{state.capped}</p>}
        </>
      );
    case 'error':
      return (
        <p class="error" role="alert" data-testid="summary-error">
          {state.message}
        </p>
      );
  }
}

/** The same offer as chat's, for the model this summary needs (the job goes on once it is stored). */
function SummaryModelOffer({
  modelId,
  onChooseModel,
  onOpenSettings,
}: {
  modelId: string;
  onChooseModel(): void;
  onOpenSettings(): void;
}) {
  const { models } = usePanel();
  const row = models.row(modelId, useValue(models.state));
  if (!row) return <p role="status">{i18n.t('models.checking')}</p>;
  return <ModelOffer row={row} purpose="summary" onChooseModel={onChooseModel} onOpenSettings={onOpenSettings} />;
}
