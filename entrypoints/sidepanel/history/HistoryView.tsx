import { useRef, useState } from 'preact/hooks';
import { formatWhen } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { historyEntries, type HistoryEntry, type HistoryKind, type ImportOutcome } from '@/lib/panel';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { downloadText } from '../shared/download';
import { usePanel, useValue } from '../use-panel';

const KINDS: HistoryKind[] = ['all', 'chat', 'summary'];
type Clearing = 'chats' | 'summaries' | null;

/** One History for chats and summaries kept on this device: filter, search, reopen, delete, export and import. */
export function HistoryView({
  onOpenChat,
  onOpenSummary,
}: {
  onOpenChat(threadId: string): void;
  onOpenSummary(): void;
}) {
  const { history, summaries } = usePanel();
  const { query, threads, lastImport } = useValue(history.state);
  const stored = useValue(summaries.state).history;
  const [kind, setKind] = useState<HistoryKind>('all');
  const [clearing, setClearing] = useState<Clearing>(null);
  const file = useRef<HTMLInputElement>(null);
  const message = lastImport && importMessage(lastImport);
  const entries = historyEntries(threads ?? [], stored, kind, query);

  const exportAll = async () =>
    downloadText(await history.exportAll(), `edgewise-chats-${new Date().toISOString().slice(0, 10)}.json`);
  const importFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (chosen) void history.importFile(chosen);
  };
  const open = (entry: HistoryEntry) => {
    if (entry.kind === 'chat') return onOpenChat(entry.thread.id);
    summaries.show(entry.summary);
    onOpenSummary();
  };
  const remove = (entry: HistoryEntry) =>
    entry.kind === 'chat'
      ? void history.remove(entry.thread.id)
      : entry.summary.id !== undefined && void summaries.remove(entry.summary.id);

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{i18n.t('nav.history')}</h2>
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
      <fieldset class="kinds">
        <legend class="visually-hidden">{i18n.t('history.show')}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="history-kind" checked={kind === k} onChange={() => setKind(k)} />
            {i18n.t(`history.kind_${k}`)}
          </label>
        ))}
      </fieldset>
      {threads && entries.length === 0 && (
        <p class="muted">{query ? i18n.t('history.noMatch') : i18n.t('history.empty')}</p>
      )}
      <ul class="history">
        {entries.map((entry) => (
          <li
            key={entry.key}
            data-testid={entry.kind === 'chat' ? 'chat-history-item' : 'history-item'}
            data-thread={entry.kind === 'chat' ? entry.thread.id : undefined}
          >
            <span>
              <span class="kind">{i18n.t(entry.kind === 'chat' ? 'history.chat' : 'history.summary')}</span>{' '}
              <button
                type="button"
                class="linklike"
                onClick={() => open(entry)}
                aria-label={i18n.t(entry.kind === 'chat' ? 'history.openChat' : 'summary.openLabel', [entry.title])}
              >
                {entry.title}
              </button>
              <br />
              <span class="muted">
                {entry.kind === 'chat'
                  ? i18n.t('history.threadMeta', entry.thread.messages.length, [
                      entry.thread.messages.length,
                      formatWhen(entry.at),
                    ])
                  : `${entry.summary.coverage} · ${formatWhen(entry.at)}`}
              </span>
            </span>
            <button
              type="button"
              onClick={() => remove(entry)}
              aria-label={i18n.t(entry.kind === 'chat' ? 'history.deleteChat' : 'summary.deleteLabel', [entry.title])}
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
          <button type="button" onClick={() => setClearing('chats')}>
            {i18n.t('history.deleteAllChats')}
          </button>
        )}
        {stored.length > 0 && (
          <button type="button" onClick={() => setClearing('summaries')}>
            {i18n.t('summary.deleteAll')}
          </button>
        )}
      </div>
      {message && (
        <p class={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="import-message">
          {message.text}
        </p>
      )}
      <ConfirmDialog
        message={
          clearing === 'chats'
            ? i18n.t('history.confirmDeleteAll')
            : clearing === 'summaries'
              ? i18n.t('history.confirmDeleteSummaries')
              : null
        }
        confirmLabel={i18n.t('dialog.delete')}
        onCancel={() => setClearing(null)}
        onConfirm={() => {
          if (clearing === 'chats') void history.clear();
          if (clearing === 'summaries') void summaries.clear();
          setClearing(null);
        }}
      />
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
