import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { knownSize, type ModelRow } from '@/lib/model-manager';
import { usePanel, useValue } from '../use-panel';
import { DownloadProgressView } from './DownloadProgressView';

/**
 * The one model offer, for every feature that needs a model it does not have: nothing
 * is fetched until the user agrees, and they see what and how much first. The download
 * resumes if it was interrupted before; progress, time left and Cancel are the model
 * manager's own.
 */
export function ModelOffer({
  row,
  purpose,
  onChooseModel,
  onOpenSettings,
}: {
  row: ModelRow;
  /** What the download is for: it names the button ("Download", "Download and summarize"). */
  purpose: 'chat' | 'summary';
  /** Shows the model manager, to pick another model first. */
  onChooseModel(): void;
  /** Shows Settings (the model host). */
  onOpenSettings(): void;
}) {
  const panel = usePanel();
  const download = useValue(panel.downloads.state).get(row.id);
  const bytes = knownSize(row, download?.progress?.total);
  const size = bytes !== undefined ? formatBytes(bytes) : i18n.t('models.sizeUnknownShort');
  const accept = () => void panel.gate.accept(row.id);
  return (
    <section class="offer" aria-labelledby={`offer-heading-${purpose}`} data-testid="model-offer">
      <h2 id={`offer-heading-${purpose}`}>{i18n.t(purpose === 'chat' ? 'offer.heading' : 'offer.headingSummary')}</h2>
      <p>{i18n.t('offer.body', [row.name, size])}</p>
      {download && (download.running || download.error) ? (
        <DownloadProgressView
          state={download}
          name={row.name}
          onCancel={() => panel.downloads.cancel(row.id)}
          onRetry={accept}
          onOpenSettings={onOpenSettings}
          onChooseModel={onChooseModel}
        />
      ) : (
        <button type="button" class="primary" onClick={accept}>
          {row.stored === 'partial'
            ? i18n.t('offer.resume', [size])
            : i18n.t(purpose === 'chat' ? 'offer.download' : 'offer.downloadAndSummarize', [size])}
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
