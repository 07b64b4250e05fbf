import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { ModelRow } from '@/lib/model-manager';
import { DownloadProgressView } from './DownloadProgressView';
import { useDownload, type Downloads } from './downloads';

/**
 * First run: nothing is fetched until the user agrees, and they see what and how much
 * first. The download resumes if it was interrupted before.
 */
export function ModelOffer({
  row,
  downloads,
  onChooseModel,
}: {
  row: ModelRow;
  downloads: Downloads;
  /** Shows the model manager, to pick another model first. */
  onChooseModel(): void;
}) {
  const download = useDownload(downloads, row.id);
  const size = row.downloadBytes !== undefined ? formatBytes(row.downloadBytes) : i18n.t('models.sizeUnknownShort');
  return (
    <section class="offer" aria-labelledby="offer-heading" data-testid="model-offer">
      <h2 id="offer-heading">{i18n.t('offer.heading')}</h2>
      <p>{i18n.t('offer.body', [row.name, size])}</p>
      {download && (download.running || download.error) ? (
        <DownloadProgressView
          state={download}
          onCancel={() => downloads.cancel(row.id)}
          onRetry={() => void downloads.start(row.id)}
        />
      ) : (
        <button type="button" class="primary" onClick={() => void downloads.start(row.id)}>
          {row.stored === 'partial' ? i18n.t('offer.resume', [size]) : i18n.t('offer.download', [size])}
        </button>
      )}
      <p class="muted">
        {i18n.t('offer.other')}{' '}
        <button type="button" class="linklike" onClick={onChooseModel}>
          {i18n.t('offer.chooseModel')}
        </button>
      </p>
    </section>
  );
}
