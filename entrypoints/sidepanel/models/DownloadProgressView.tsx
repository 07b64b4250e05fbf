import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { formatDuration } from '@/lib/model-manager';
import type { DownloadState } from '@/lib/panel';

/** A download's progress bar with bytes, percent and time left, its cancel button, or its error. */
export function DownloadProgressView({
  state,
  onCancel,
  onRetry,
}: {
  state: DownloadState;
  onCancel(): void;
  onRetry(): void;
}) {
  const p = state.progress;
  if (state.error) {
    return (
      <div class="download" data-testid="download-error">
        <p class="error" role="alert">
          {state.error}
        </p>
        <button type="button" onClick={onRetry}>
          {i18n.t('models.retry')}
        </button>
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
