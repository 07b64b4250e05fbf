import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { renderMarkdown } from '@/lib/markdown';
import type { JobState } from '@/lib/summarize';
import { findModel } from '@/models';

interface Props {
  /** Which job this is (1, 2, …), exposed as `data-run`. */
  run: number;
  state: JobState;
  running: boolean;
  onStop(): void;
  onRegenerate(): void;
  onConsent(): void;
}

/** The current summary: page title and link, progress, streamed text, coverage and actions. */
export function SummaryView({ run, state, running, onStop, onRegenerate, onConsent }: Props) {
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
        <a class="page-link" href={page.url} target="_blank" rel="noopener noreferrer">
          {page.title || page.url}
        </a>
      )}
      <Status state={state} onConsent={onConsent} />
      {text && (
        <div
          class={`summary${partial ? ' partial' : ''}`}
          data-testid="summary-text"
          aria-live="polite"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
        />
      )}
      {partial && <p class="muted">{i18n.t('summary.partial')}</p>}
      {state.kind === 'done' && state.record.parts.length > 0 && (
        <details>
          <summary>Summaries of each part ({state.record.parts.length})</summary>
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
      </div>
    </section>
  );
}

function Status({ state, onConsent }: { state: JobState; onConsent(): void }) {
  switch (state.kind) {
    case 'extracting':
      return <p role="status">{i18n.t('summary.reading')}</p>;
    case 'needs-model': {
      const model = findModel(state.modelId);
      const sizes = model ? Object.values(model.dtypes) : [];
      const name = model?.name ?? state.modelId;
      const text = sizes.length
        ? i18n.t('summary.needsModel', [name, formatBytes(Math.min(...sizes)), formatBytes(Math.max(...sizes))])
        : i18n.t('summary.needsModelNoSize', [name]);
      return (
        <div role="status">
          <p>{text}</p>
          <button type="button" class="primary" onClick={onConsent}>
            {i18n.t('summary.downloadAndSummarize')}
          </button>
        </div>
      );
    }
    case 'downloading': {
      const p = state.progress;
      return (
        <div role="status">
          <p>
            {p
              ? i18n.t('summary.downloading', [p.current.file, formatBytes(p.loaded), formatBytes(p.total)])
              : i18n.t('summary.loadingModel')}
          </p>
          {p && <progress max={p.total || 1} value={p.loaded} />}
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
