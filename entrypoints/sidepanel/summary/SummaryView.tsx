import { formatBytes } from '@/lib/format';
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
      <h2 id="summary-heading">Summary</h2>
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
      {partial && <p class="muted">Partial summary.</p>}
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
        {running && <button onClick={onStop}>Stop</button>}
        {!running && text && <button onClick={() => void navigator.clipboard.writeText(text)}>Copy</button>}
        {!running && page && <button onClick={onRegenerate}>Regenerate</button>}
      </div>
    </section>
  );
}

function Status({ state, onConsent }: { state: JobState; onConsent(): void }) {
  switch (state.kind) {
    case 'extracting':
      return <p role="status">Reading the page…</p>;
    case 'needs-model': {
      const model = findModel(state.modelId);
      const sizes = model ? Object.values(model.dtypes) : [];
      const size = sizes.length ? ` (about ${formatBytes(Math.min(...sizes))}–${formatBytes(Math.max(...sizes))})` : '';
      return (
        <div role="status">
          <p>
            Summaries run on your device. The model {model?.name ?? state.modelId}
            {size} is not downloaded yet. It is saved for next time.
          </p>
          <button class="primary" onClick={onConsent}>
            Download and summarize
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
              ? `Downloading ${p.current.file}: ${formatBytes(p.loaded)} of ${formatBytes(p.total)}`
              : 'Loading the model…'}
          </p>
          {p && <progress max={p.total || 1} value={p.loaded} />}
        </div>
      );
    }
    case 'summarizing': {
      const p = state.progress;
      const label = !p
        ? 'Starting…'
        : p.phase === 'map'
          ? `Reading part ${p.part} of ${p.parts}…`
          : p.phase === 'reduce'
            ? `Combining summaries (${p.group} of ${p.groups})…`
            : p.parts > 1
              ? `Writing the summary of all ${p.parts} parts…`
              : 'Writing the summary…';
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
            {state.fromCache && ' Saved summary of this unchanged page.'}
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
