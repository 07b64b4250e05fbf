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
      <h2 id="history-heading">History</h2>
      {items.length === 0 ? (
        <p class="muted">No summaries yet. Right-click a page and choose “Summarize page”.</p>
      ) : (
        <>
          <ul class="history">
            {items.map((item) => (
              <li key={item.id} data-testid="history-item">
                <span>
                  <button class="linklike" onClick={() => onOpen(item)} aria-label={`Open summary of ${item.title}`}>
                    {item.title || item.url}
                  </button>
                  <br />
                  <span class="muted">{new Date(item.createdAt).toLocaleString()}</span>
                </span>
                <button
                  onClick={() => item.id !== undefined && onDelete(item.id)}
                  aria-label={`Delete summary of ${item.title}`}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <button onClick={onClear}>Delete all history</button>
        </>
      )}
    </section>
  );
}
