import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { knownSize, type ModelRow } from '@/lib/model-manager';
import { usePanel, useValue } from '../use-panel';
import { DownloadProgressView } from './DownloadProgressView';

interface Props {
  row: ModelRow;
  /** Why this model is the one recommended here; absent for the others. */
  recommendation?: string;
  onOpenSettings(): void;
  onUse(): void;
  onDelete(): void;
}

/** One model: what it is, its size here, what is stored, and what can be done with it. */
export function ModelRowView({ row, recommendation, onOpenSettings, onUse, onDelete }: Props) {
  const { downloads, gate } = usePanel();
  const download = useValue(downloads.state).get(row.id);
  const nameId = `model-${row.id.replace(/\W+/g, '-')}`;
  const bytes = knownSize(row, download?.progress?.total);
  const size = bytes !== undefined ? i18n.t('models.sizeAbout', [formatBytes(bytes)]) : i18n.t('models.sizeUnknown');
  return (
    <li
      class={`model${recommendation ? ' recommended' : ''}`}
      data-model={row.id}
      data-stored={row.stored}
      aria-labelledby={nameId}
    >
      <div class="model-head">
        <strong id={nameId}>{row.name}</strong>
        {row.isDefault && <span class="badge">{i18n.t('models.inUse')}</span>}
        {recommendation && (
          <span class="badge recommended-badge" data-testid="recommended">
            {i18n.t('recommend.badge')}
          </span>
        )}
      </div>
      {recommendation && <p class="recommendation">{recommendation}</p>}
      {row.model ? (
        <p class="muted">
          {row.model.notes} {deviceHintText(row.deviceHint)} {size}
        </p>
      ) : (
        <p class="muted">{i18n.t('models.custom', [size])}</p>
      )}
      {row.dtypeNote && <p class="muted">{row.dtypeNote}</p>}
      <p class="stored" data-testid="stored-state">
        {download?.running
          ? i18n.t('models.storedDownloading')
          : row.stored === 'complete'
            ? i18n.t('models.storedComplete', [formatBytes(row.storedBytes)])
            : row.stored === 'partial'
              ? i18n.t('models.storedPartial', [formatBytes(row.storedBytes)])
              : i18n.t('models.storedNone')}
      </p>
      {row.model && (
        <details class="model-details">
          <summary>{i18n.t('models.details')}</summary>
          <p class="muted" data-testid="model-facts">
            {i18n.t('models.facts', [
              row.model.parameters,
              row.model.contextWindow.toLocaleString(),
              row.dtype && row.downloadBytes !== undefined
                ? i18n.t('models.size', [row.dtype, formatBytes(row.downloadBytes)])
                : i18n.t('models.sizeUnknown'),
            ])}{' '}
            <a href={row.model.licenseUrl} target="_blank" rel="noopener noreferrer">
              {i18n.t('models.license')}
            </a>
          </p>
        </details>
      )}
      {download && (download.running || download.error) ? (
        <DownloadProgressView
          state={download}
          name={row.name}
          onOpenSettings={onOpenSettings}
          onCancel={() => downloads.cancel(row.id)}
          onRetry={() => void gate.accept(row.id)}
        />
      ) : null}
      <div class="toolbar small">
        {row.stored !== 'complete' && !download?.running && !download?.error && (
          <button type="button" class="primary" onClick={() => void gate.accept(row.id)} aria-describedby={nameId}>
            {row.stored === 'partial' ? i18n.t('models.resume') : i18n.t('models.download')}
          </button>
        )}
        {!row.isDefault && (
          <button type="button" onClick={onUse} aria-describedby={nameId}>
            {i18n.t('models.use')}
          </button>
        )}
        {row.stored !== 'none' && !download?.running && (
          <button type="button" onClick={onDelete} aria-label={i18n.t('models.deleteLabel', [row.name])}>
            {i18n.t('models.delete')}
          </button>
        )}
      </div>
    </li>
  );
}

/** Where the model runs well, next to its notes, so a slow choice for this device is visible before downloading. */
function deviceHintText(hint: ModelRow['deviceHint']): string {
  if (hint === 'cpu') return i18n.t('models.deviceCpu');
  if (hint === 'webgpu') return i18n.t('models.deviceWebgpu');
  if (hint === 'slowHere') return i18n.t('models.deviceSlowHere');
  return '';
}
