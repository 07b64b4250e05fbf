import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { threadUrl, unbindTab, type Conversation, type ConversationSnapshot } from '@/lib/chat';
import type { DownloadProgress } from '@/lib/engine';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { EngineRemote, SessionStorageArea } from '@/lib/messaging';
import type { EdgewiseDatabase } from '@/lib/store';
import type { ActiveTab } from '../use-active-tab';
import { ChatSessions } from './chat-sessions';
import { Composer } from './Composer';
import { ContextBar } from './ContextBar';
import { MessageItem } from './MessageItem';

interface Props {
  engine: EngineRemote;
  db: EdgewiseDatabase;
  session: SessionStorageArea;
  tab: ActiveTab | null;
  /** A thread picked in history, shown instead of the tab's until the user goes back. */
  historyThreadId: string | null;
  onLeaveHistory(): void;
  /** Called after an answer is saved, so the history list can refresh. */
  onSaved(): void;
  /** Bumped when threads are deleted in history (one, or all when `threadId` is absent). */
  deleted: { threadId?: string; count: number };
}

/** Chat about the current tab's page: one thread per tab + URL, streamed answers, history on the device. */
export function ChatView({ engine, db, session, tab, historyThreadId, onLeaveHistory, onSaved, deleted }: Props) {
  const [temporary, setTemporary] = useState(false);
  const [useContext, setUseContext] = useState(true);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [conversationIsTemporary, setConversationIsTemporary] = useState(false);
  const [snapshot, setSnapshot] = useState<ConversationSnapshot | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [loading, setLoading] = useState<DownloadProgress | null>(null);
  /** Bumped to pick the tab's conversation again (after a deletion). */
  const [repick, setRepick] = useState(0);
  const contextRef = useRef(useContext);
  contextRef.current = useContext;

  const sessions = useMemo(
    () => new ChatSessions({ engine, db, session, useContext: () => contextRef.current, onLoadProgress: setLoading }),
    [engine, db, session],
  );

  useEffect(() => {
    let current = true;
    // No conversation while the next one is found, so nothing typed meanwhile goes to the old one.
    setConversation(null);
    const pick = historyThreadId
      ? sessions.fromHistory(historyThreadId, tab)
      : tab?.url
        ? sessions.forTab(tab, temporary)
        : Promise.resolve(null);
    void pick.then((next) => {
      if (!current) return;
      setConversation(next);
      setConversationIsTemporary(temporary && !historyThreadId);
    });
    return () => {
      current = false;
    };
    // A fragment change is the same page (and thread); only a real navigation re-picks.
  }, [sessions, tab?.tabId, tab && threadUrl(tab.url), temporary, historyThreadId, repick]);

  useEffect(() => {
    if (deleted.count === 0) return;
    void sessions.forget(deleted.threadId).then(() => setRepick((n) => n + 1));
  }, [sessions, deleted]);

  useEffect(() => {
    setEditing(null);
    if (!conversation) return setSnapshot(null);
    let wasBusy = false;
    return conversation.subscribe((next) => {
      setSnapshot(next);
      if (wasBusy && !next.busy) {
        setLoading(null);
        onSaved();
      }
      wasBusy = next.busy;
    });
  }, [conversation]);

  // A closed tab's thread stays in history; its binding and in-memory conversation go.
  // A navigated tab's answer about the old page stops, as a summary does.
  useEffect(() => {
    const onRemoved = (tabId: number) => {
      sessions.closeTab(tabId);
      void unbindTab(session, tabId);
    };
    const onUpdated = (tabId: number, change: { url?: string }) => {
      if (change.url) sessions.navigated(tabId, change.url);
    };
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [sessions, session]);

  // Esc stops an answer wherever the focus is.
  useEffect(() => {
    // Only while the chat is on screen: Esc in the history search box must not stop an answer.
    const onKey = (e: KeyboardEvent) =>
      e.key === 'Escape' && snapshot?.busy && !document.getElementById('view-chat')?.hidden && conversation?.stop();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [conversation, snapshot?.busy]);

  if (!tab && !historyThreadId) return <p class="empty">{i18n.t('chat.noTab')}</p>;
  const messages = snapshot?.thread.messages ?? [];
  const busy = snapshot?.busy ?? false;
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  const lastAnswer = messages.findLastIndex((m) => m.role === 'assistant');

  return (
    <div
      class="chat"
      data-thread={snapshot?.thread.id ?? ''}
      data-url={snapshot?.thread.url ?? ''}
      data-tab={tab?.tabId ?? ''}
      data-temporary={conversation ? conversationIsTemporary : ''}
    >
      {historyThreadId ? (
        <div class="toolbar">
          <span class="muted">
            {i18n.t('chat.fromHistory', [snapshot?.thread.title || snapshot?.thread.url || ''])}
          </span>
          <button type="button" onClick={onLeaveHistory}>
            {i18n.t('chat.backToPage')}
          </button>
        </div>
      ) : (
        <label class="switch">
          <input
            type="checkbox"
            checked={temporary}
            onChange={(e) => setTemporary(e.currentTarget.checked)}
            aria-describedby="temporary-hint"
          />
          {i18n.t('chat.temporary')}
          <span id="temporary-hint" class="muted">
            {' '}
            {i18n.t('chat.temporaryHint')}
          </span>
        </label>
      )}
      <ContextBar
        tab={historyThreadId && snapshot && tab && snapshot.thread.url !== tab.url ? null : tab}
        enabled={useContext}
        onToggle={setUseContext}
      />
      {messages.length === 0 ? (
        <p class="empty" data-testid="chat-empty">
          {i18n.t('chat.empty')}
        </p>
      ) : (
        <ol class="messages" aria-label={i18n.t('chat.conversation')} data-testid="messages">
          {messages.map((message, i) => (
            <MessageItem
              key={message.id}
              message={message}
              onEdit={!busy && i === lastUser ? () => setEditing(message.text) : undefined}
              onRegenerate={
                !busy && i === lastAnswer && i > lastUser ? () => void conversation?.regenerate() : undefined
              }
            />
          ))}
          {snapshot?.pending && <MessageItem key="pending" message={snapshot.pending} streaming />}
        </ol>
      )}
      {busy && loading?.current.source === 'cache' && (
        <p class="muted" role="status">
          {i18n.t('chat.loadingModel', [formatBytes(loading.loaded)])}
        </p>
      )}
      {snapshot && snapshot.omitted > 0 && (
        <p class="muted" data-testid="omitted-note">
          {i18n.t('chat.omitted', snapshot.omitted, [snapshot.omitted])}
        </p>
      )}
      <Composer
        // Keyed by the conversation itself (known at once), not its first snapshot (one render later):
        // a remount after the user started typing would drop what they typed.
        key={conversation?.snapshot.thread.id ?? 'none'}
        busy={busy}
        disabled={!conversation}
        editing={editing}
        onSend={(text) => {
          if (editing !== null) void conversation?.editLast(text);
          else void conversation?.send(text);
          setEditing(null);
        }}
        onStop={() => conversation?.stop()}
        onCancelEdit={() => setEditing(null)}
      />
    </div>
  );
}
