import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { threadUrl, type ConversationSnapshot } from '@/lib/chat';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { titleOf } from '@/lib/panel';
import { cloudDisplayName, cloudReady } from '@/lib/settings';
import { usePanel, useValue } from '../use-panel';
import { Composer } from './Composer';
import { ConsentSheet } from './ConsentSheet';
import { ContextBar } from './ContextBar';
import { MessageItem } from './MessageItem';
import { useFollowScroll } from './use-follow-scroll';

/** Suggested first questions: a label and the prompt it sends (both messages). */
const SUGGESTIONS = [
  ['chat.suggestKeyPoints', 'chat.suggestKeyPointsPrompt'],
  ['chat.suggestSimple', 'chat.suggestSimplePrompt'],
  ['chat.suggestQuestions', 'chat.suggestQuestionsPrompt'],
] as const;

/** Chat about the current tab's page: one thread per tab + URL, streamed answers, history on the device. */
export function ChatView() {
  const { chat, models, consent } = usePanel();
  const library = useValue(models.state);
  // The switcher offers what can answer now: models stored whole for this device.
  const ready = (models.rows(library) ?? []).filter((row) => row.stored === 'complete');
  const { tab, temporary, historyThreadId, conversation, conversationIsTemporary, loading, page, draft } = useValue(
    chat.state,
  );
  const onDraft = useCallback((text: string) => chat.measureDraft(text), [chat]);
  const [snapshot, setSnapshot] = useState<ConversationSnapshot | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { behind, jump } = useFollowScroll(root, snapshot);

  useEffect(() => {
    setEditing(null);
    if (!conversation) return setSnapshot(null);
    return conversation.subscribe(setSnapshot);
  }, [conversation]);

  // Esc stops an answer wherever the focus is, but only while the chat is on screen:
  // Esc in the history search box must not stop an answer.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.getElementById('view-chat')?.hidden) chat.stop();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [chat]);

  if (!tab && !historyThreadId) return <p class="empty">{i18n.t('chat.noTab')}</p>;
  const messages = snapshot?.thread.messages ?? [];
  const busy = snapshot?.busy ?? false;
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  const lastAnswer = messages.findLastIndex((m) => m.role === 'assistant');
  // A thread from history about another page cannot use the open tab's page.
  const pageOpen = !historyThreadId || !snapshot || snapshot.thread.url === threadUrl(tab?.url ?? '');
  // A browser page (or any the extractor cannot read): page-only controls make no sense there.
  const noPage = pageOpen && page?.state === 'unreadable';
  const cloudName = library.settings && cloudReady(library.settings) ? cloudDisplayName(library.settings) : undefined;

  return (
    <div
      ref={root}
      class="chat"
      data-thread={snapshot?.thread.id ?? ''}
      data-url={snapshot?.thread.url ?? ''}
      data-tab={tab?.tabId ?? ''}
      data-temporary={conversation ? conversationIsTemporary : ''}
    >
      <div class="toolbar chat-toolbar">
        {historyThreadId ? (
          <>
            <span class="muted">{i18n.t('chat.fromHistory', [snapshot ? titleOf(snapshot.thread) : ''])}</span>
            <button type="button" onClick={() => chat.leaveHistory()}>
              {i18n.t('chat.backToPage')}
            </button>
          </>
        ) : (
          <label class="switch">
            <input
              type="checkbox"
              checked={temporary}
              onChange={(e) => chat.setTemporary(e.currentTarget.checked)}
              aria-describedby="temporary-hint"
            />
            {i18n.t('chat.temporary')}
            <span id="temporary-hint" class="muted">
              {' '}
              {i18n.t('chat.temporaryHint')}
            </span>
          </label>
        )}
        {ready.length > 1 && library.settings && (
          <label class="model-switch">
            <span class="visually-hidden">{i18n.t('chat.modelLabel')}</span>
            <select
              value={library.settings.modelId}
              disabled={busy}
              onChange={(e) => void models.changeSettings({ modelId: e.currentTarget.value })}
            >
              {ready.map((row) => (
                <option key={row.id} value={row.id}>
                  {row.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {tab?.url && messages.length > 0 && (
          <button type="button" class="new-chat" onClick={() => chat.newChat()}>
            {i18n.t('chat.newChat')}
          </button>
        )}
      </div>
      <ContextBar pageOpen={pageOpen} />
      {messages.length === 0 ? (
        noPage ? (
          <p class="empty" data-testid="chat-empty">
            {i18n.t('chat.emptyNoPage')}
          </p>
        ) : (
          <div class="empty" data-testid="chat-empty">
            <p>{i18n.t('chat.empty')}</p>
            <div class="toolbar suggestions" role="group" aria-label={i18n.t('chat.suggestions')}>
              {SUGGESTIONS.map(([label, prompt]) => (
                <button
                  key={label}
                  type="button"
                  disabled={!conversation}
                  onClick={() => {
                    void conversation?.send(i18n.t(prompt));
                    jump();
                  }}
                >
                  {i18n.t(label)}
                </button>
              ))}
            </div>
          </div>
        )
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
              cloudName={cloudName}
              onAskCloud={
                !busy && i === lastAnswer && i > lastUser ? () => void conversation?.regenerate('cloud') : undefined
              }
              onRetryLocal={
                !busy && i === lastAnswer && i > lastUser && message.status === 'error'
                  ? () => void conversation?.regenerate('device')
                  : undefined
              }
            />
          ))}
          {snapshot?.pending && <MessageItem key="pending" message={snapshot.pending} streaming />}
        </ol>
      )}
      {busy && loading?.current.source === 'cache' && (
        <p class="muted" role="status">
          {i18n.t('models.loadingFromDevice', [formatBytes(loading.loaded)])}
        </p>
      )}
      {snapshot?.notice && (
        <p class="muted" role="status" data-testid="chat-notice">
          {snapshot.notice}
        </p>
      )}
      {snapshot && snapshot.omitted > 0 && (
        <p class="muted" data-testid="omitted-note">
          {i18n.t('chat.omitted', snapshot.omitted, [snapshot.omitted])}
        </p>
      )}
      <ConsentSheet consent={consent} />
      <div class="chat-footer">
        {behind && (
          <button type="button" class="jump-latest" onClick={jump}>
            {i18n.t('chat.jumpToLatest')}
          </button>
        )}
        <Composer
          // Keyed by the conversation itself (known at once), not its first snapshot (one render later):
          // a remount after the user started typing would drop what they typed.
          key={conversation?.snapshot.thread.id ?? 'none'}
          busy={busy}
          disabled={!conversation}
          editing={editing}
          fit={draft}
          placeholder={i18n.t(noPage ? 'chat.placeholderNoPage' : 'chat.placeholder')}
          onDraft={onDraft}
          onSend={(text) => {
            if (editing !== null) void conversation?.editLast(text);
            else void conversation?.send(text);
            setEditing(null);
            jump(); // the user's own message brings the view back to the latest
          }}
          onStop={() => chat.stop()}
          onCancelEdit={() => setEditing(null)}
        />
      </div>
    </div>
  );
}
