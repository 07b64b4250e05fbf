import { i18n } from '@/lib/i18n';
import type { SummaryRecord } from '@/lib/store';

interface Props {
  items: SummaryRecord[];
  onOpen(item: SummaryRecord): void;
  onDelete(id: number): void;
  onClear(): void;
}

/** Past summaries, kept on this device; each can be reopened or deleted. */
export function HistoryList({ items, onOpen, onDelete, onClear }: Props) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{i18n.t('summary.history')}</h2>
      {items.length === 0 ? (
        <p class="muted">{i18n.t('summary.noHistory')}</p>
      ) : (
        <>
          <ul class="history">
            {items.map((item) => (
              <li key={item.id} data-testid="history-item">
                <span>
                  <button
                    class="linklike"
                    onClick={() => onOpen(item)}
                    aria-label={i18n.t('summary.openLabel', [item.title || item.url])}
                  >
                    {item.title || item.url}
                  </button>
                  <br />
                  <span class="muted">{new Date(item.createdAt).toLocaleString()}</span>
                </span>
                <button
                  onClick={() => item.id !== undefined && onDelete(item.id)}
                  aria-label={i18n.t('summary.deleteLabel', [item.title || item.url])}
                >
                  {i18n.t('summary.delete')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onClear}>
            {i18n.t('summary.deleteAll')}
          </button>
        </>
      )}
    </section>
  );
}
