import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_CHARACTERS, exportJson, importThreads } from '@/lib/chat';
import { i18n } from '@/lib/i18n';
import {
  allThreads,
  clearThreads,
  deleteThread,
  listThreads,
  searchThreads,
  type ChatThreadRecord,
  type EdgewiseDatabase,
} from '@/lib/store';

interface Props {
  db: EdgewiseDatabase;
  /** Bumped when a thread was saved elsewhere, so the list refreshes. */
  revision: number;
  onOpen(threadId: string): void;
  /** A thread (or, without an id, every thread) was deleted, so open chats drop it too. */
  onDeleted(threadId?: string): void;
}

/** Chat threads kept on this device: search, reopen, delete, export and import. */
export function ChatHistory({ db, revision, onOpen, onDeleted }: Props) {
  const [query, setQuery] = useState('');
  const [threads, setThreads] = useState<ChatThreadRecord[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [changed, setChanged] = useState(0);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    void (query.trim() ? searchThreads(db, query) : listThreads(db)).then((list) => current && setThreads(list));
    return () => {
      current = false;
    };
  }, [db, query, revision, changed]);

  const refresh = () => setChanged((n) => n + 1);

  const exportAll = async () => {
    const all = await allThreads(db);
    const blob = new Blob([exportJson(all, new Date())], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `edgewise-chats-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (!chosen) return;
    // Refused before reading: a huge file would be read whole into memory first.
    if (chosen.size > MAX_IMPORT_CHARACTERS * 4) {
      setMessage({ kind: 'error', text: i18n.t('history.tooLarge') });
      return;
    }
    try {
      const result = await importThreads(db, await chosen.text());
      setMessage({ kind: 'ok', text: i18n.t('history.imported', result.added, [result.added, result.skipped]) });
      refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
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
        onInput={(e) => setQuery(e.currentTarget.value)}
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
              onClick={() =>
                void deleteThread(db, thread.id).then(() => {
                  onDeleted(thread.id);
                  refresh();
                })
              }
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
          onChange={(e) => void importFile(e.currentTarget)}
        />
        {threads && threads.length > 0 && (
          <button
            type="button"
            onClick={() =>
              confirm(i18n.t('history.confirmDeleteAll')) &&
              void clearThreads(db).then(() => {
                onDeleted();
                refresh();
              })
            }
          >
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
