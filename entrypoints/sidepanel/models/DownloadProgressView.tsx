import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { formatDuration } from '@/lib/model-manager';
import { explainDownloadError, type DownloadState } from '@/lib/panel';

/**
 * A download's progress bar with bytes, percent and time left, its cancel button, or its
 * error in plain words with the next steps that apply (and the engine's message as detail).
 */
export function DownloadProgressView({
  state,
  name,
  onCancel,
  onRetry,
  onOpenSettings,
  onChooseModel,
}: {
  state: DownloadState;
  /** The model's name, for messages. */
  name: string;
  onCancel(): void;
  onRetry(): void;
  onOpenSettings?(): void;
  onChooseModel?(): void;
}) {
  const p = state.progress;
  if (state.error) {
    const plain = explainDownloadError(state.error, name);
    return (
      <div class="download" data-testid="download-error">
        <p class="error" role="alert">
          {plain.text}
        </p>
        <div class="toolbar small">
          {plain.steps.includes('retry') && (
            <button type="button" onClick={onRetry}>
              {i18n.t('models.retry')}
            </button>
          )}
          {plain.steps.includes('settings') && onOpenSettings && (
            <button type="button" onClick={onOpenSettings}>
              {i18n.t('plainErrors.openSettings')}
            </button>
          )}
          {plain.steps.includes('models') && onChooseModel && (
            <button type="button" onClick={onChooseModel}>
              {i18n.t('plainErrors.chooseModel')}
            </button>
          )}
        </div>
        {plain.detail && (
          <details class="muted">
            <summary>{i18n.t('plainErrors.details')}</summary>
            <p data-testid="download-error-detail">{plain.detail}</p>
          </details>
        )}
      </div>
    );
  }
  const percent = p && p.total > 0 ? Math.floor((p.loaded / p.total) * 100) : 0;
  const left = state.estimate.secondsLeft;
  return (
    <div class="download" data-testid="download-progress">
      <progress
        max={100}
        value={percent}
        aria-label={i18n.t('models.progressLabel', [state.modelId])}
        aria-valuetext={`${percent}%`}
        data-loaded={p?.loaded ?? 0}
        data-total={p?.total ?? 0}
      />
      <p class="muted">
        {p
          ? i18n.t('models.progress', [
              formatBytes(p.loaded),
              formatBytes(p.total),
              percent,
              left === null ? i18n.t('models.etaUnknown') : formatDuration(left),
            ])
          : i18n.t('models.preparing')}
      </p>
      {/* Announced in 10% steps: the line above changes ten times a second, too often to read out. */}
      <p class="visually-hidden" role="status">
        {i18n.t('models.progressStep', [state.modelId, Math.floor(percent / 10) * 10])}
      </p>
      <button type="button" onClick={onCancel}>
        {i18n.t('models.cancel')}
      </button>
    </div>
  );
}
