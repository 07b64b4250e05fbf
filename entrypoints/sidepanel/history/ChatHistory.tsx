import { useRef } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ImportOutcome } from '@/lib/panel';
import { usePanel, useValue } from '../use-panel';

/** Chat threads kept on this device: search, reopen, delete, export and import. */
export function ChatHistory({ onOpen }: { onOpen(threadId: string): void }) {
  const { history } = usePanel();
  const { query, threads, lastImport } = useValue(history.state);
  const file = useRef<HTMLInputElement>(null);
  const message = lastImport && importMessage(lastImport);

  const exportAll = async () => {
    const blob = new Blob([await history.exportAll()], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `edgewise-chats-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (chosen) void history.importFile(chosen);
  };

  return (
    <section aria-labelledby="chat-history-heading">
      <h2 id="chat-history-heading">{i18n.t('history.chats')}</h2>
      <label for="history-search" class="visually-hidden">
        {i18n.t('history.search')}
      </label>
      <input
        id="history-search"
        type="search"
        placeholder={i18n.t('history.search')}
        value={query}
        onInput={(e) => history.search(e.currentTarget.value)}
      />
      {threads?.length === 0 && <p class="muted">{query ? i18n.t('history.noMatch') : i18n.t('history.noChats')}</p>}
      <ul class="history">
        {threads?.map((thread) => (
          <li key={thread.id} data-testid="chat-history-item" data-thread={thread.id}>
            <span>
              <button type="button" class="linklike" onClick={() => onOpen(thread.id)}>
                {thread.title || thread.url}
              </button>
              <br />
              <span class="muted">
                {i18n.t('history.threadMeta', thread.messages.length, [
                  thread.messages.length,
                  new Date(thread.updatedAt).toLocaleString(),
                ])}
              </span>
            </span>
            <button
              type="button"
              onClick={() => void history.remove(thread.id)}
              aria-label={i18n.t('history.deleteChat', [thread.title || thread.url])}
            >
              {i18n.t('history.delete')}
            </button>
          </li>
        ))}
      </ul>
      <div class="toolbar">
        <button type="button" onClick={() => void exportAll()}>
          {i18n.t('history.export')}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          {i18n.t('history.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          data-testid="import-file"
          aria-label={i18n.t('history.import')}
          tabIndex={-1}
          onChange={(e) => importFile(e.currentTarget)}
        />
        {threads && threads.length > 0 && (
          <button type="button" onClick={() => confirm(i18n.t('history.confirmDeleteAll')) && void history.clear()}>
            {i18n.t('history.deleteAllChats')}
          </button>
        )}
      </div>
      {message && (
        <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="import-message">
          {message.text}
        </p>
      )}
    </section>
  );
}

/** What the last import did, in words. */
function importMessage(outcome: ImportOutcome): { kind: 'ok' | 'error'; text: string } {
  switch (outcome.kind) {
    case 'imported':
      return { kind: 'ok', text: i18n.t('history.imported', outcome.added, [outcome.added, outcome.skipped]) };
    case 'too-large':
      return { kind: 'error', text: i18n.t('history.tooLarge') };
    case 'refused':
      return { kind: 'error', text: outcome.reason };
  }
}
