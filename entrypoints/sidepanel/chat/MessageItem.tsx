import { useEffect, useState } from 'preact/hooks';
import { whereItRan } from '@/lib/answer';
import { i18n } from '@/lib/i18n';
import { renderMarkdown } from '@/lib/markdown';
import { formatWhen } from '@/lib/format';
import { isWebAddress, siteOf } from '@/lib/settings';
import type { ChatMessageRecord, ContextUse, RememberedUse } from '@/lib/store';

interface Props {
  message: ChatMessageRecord;
  /** The answer being written: announced politely to screen readers as it grows. */
  streaming?: boolean;
  /** Actions shown on the last question and the last answer only. */
  onEdit?(): void;
  onRegenerate?(): void;
  /** The cloud provider's name, when one is set up: "Ask <provider>" on the last answer. */
  cloudName?: string;
  onAskCloud?(): void;
  /** After a failure: answer again on this device, with one click. */
  onRetryLocal?(): void;
}

/** One message of a thread: the text (answers as safe markdown), its state, and what page context it had. */
export function MessageItem({
  message,
  streaming = false,
  onEdit,
  onRegenerate,
  cloudName,
  onAskCloud,
  onRetryLocal,
}: Props) {
  const isAnswer = message.role === 'assistant';
  return (
    <li class={`message ${message.role}`} data-testid={`message-${message.role}`} data-status={message.status ?? ''}>
      <span class="role">{isAnswer ? i18n.t('chat.roleAssistant') : i18n.t('chat.roleUser')}</span>
      {isAnswer ? (
        <div
          class={`answer${message.status === 'stopped' || message.status === 'error' ? ' partial' : ''}`}
          data-testid="answer-text"
          aria-live={streaming ? 'polite' : undefined}
          aria-busy={streaming || undefined}
          dangerouslySetInnerHTML={{ __html: renderMarkdown(message.text || (streaming ? '…' : '')) }}
        />
      ) : (
        <p class="question" data-testid="question-text">
          {message.text}
        </p>
      )}
      {isAnswer && message.status === 'complete' && !message.text.trim() && (
        <p class="muted" data-testid="empty-answer">
          {i18n.t('chat.emptyAnswer')}
        </p>
      )}
      {message.status === 'stopped' && (
        <p class="muted" data-testid="stopped-note">
          {i18n.t('chat.stopped')}
        </p>
      )}
      {/* No alert role: a saved error would be announced again each time the thread is shown. */}
      {message.status === 'error' && <p class="error">{message.error}</p>}
      {isAnswer && message.origin && (
        <p class="muted ran-on" data-testid="ran-on" data-kind={message.origin.kind}>
          {whereItRan(message.origin)}
        </p>
      )}
      {isAnswer && message.context && <ContextNote context={message.context} />}
      {isAnswer && message.context?.remembered && <RememberedNote pages={message.context.remembered} />}
      {(onEdit || onRegenerate || onRetryLocal || (isAnswer && message.text && !streaming)) && (
        <div class="toolbar small">
          {isAnswer && message.text && !streaming && <CopyButton text={message.text} />}
          {onRetryLocal && (
            <button type="button" data-testid="retry-local" onClick={onRetryLocal}>
              {i18n.t('chat.retryLocal')}
            </button>
          )}
          {onRegenerate && (
            <button type="button" onClick={onRegenerate}>
              {i18n.t('chat.regenerate')}
            </button>
          )}
          {onAskCloud && cloudName && (
            <button type="button" data-testid="ask-cloud" onClick={onAskCloud}>
              {message.origin?.kind === 'cloud'
                ? i18n.t('chat.regenerateWith', [cloudName])
                : i18n.t('chat.askCloud', [cloudName])}
            </button>
          )}
          {onEdit && (
            <button type="button" onClick={onEdit}>
              {i18n.t('chat.edit')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Copies the answer's markdown, and says whether it worked. */
function CopyButton({ text }: { text: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setDone('copied'),
      () => setDone('failed'),
    );
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(null), 2000);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    <button type="button" onClick={() => void copy()} aria-live="polite">
      {done === 'copied' ? i18n.t('chat.copied') : done === 'failed' ? i18n.t('chat.copyFailed') : i18n.t('chat.copy')}
    </button>
  );
}

/** "Used parts 2, 5 of 12 (540 of 5,400 words)", with the parts listed on request. */
function ContextNote({ context }: { context: ContextUse }) {
  const words = (n: number) => n.toLocaleString();
  if (context.mode === 'none') {
    return (
      <p class="muted context-note" data-testid="context-note">
        {i18n.t('chat.contextNone')}
      </p>
    );
  }
  const summary =
    context.mode === 'whole'
      ? i18n.t('chat.contextWhole', [words(context.totalWords)])
      : i18n.t(context.mode === 'relevant' ? 'chat.contextRelevant' : 'chat.contextLeading', [
          context.parts.map((p) => p.index + 1).join(', '),
          words(context.totalParts),
          words(context.words),
          words(context.totalWords),
        ]);
  return (
    <details class="context-note" data-testid="context-note" data-mode={context.mode}>
      <summary>{summary}</summary>
      <ol data-testid="context-parts">
        {context.parts.map((part) => (
          <li key={part.index} value={part.index + 1} data-part={part.index + 1}>
            {part.preview}…
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The remembered pages an answer also drew on ("Also search my pages"), with links and dates. */
function RememberedNote({ pages }: { pages: RememberedUse[] }) {
  return (
    <div class="context-note remembered-note" data-testid="remembered-note">
      <p class="muted">{i18n.t('chat.rememberedUsed', pages.length, [pages.length])}</p>
      <ul>
        {pages.map((page) => (
          <li key={page.url} data-testid="remembered-page">
            {/* Stored addresses are web pages; anything else is shown, never linked. */}
            {isWebAddress(page.url) ? (
              <a href={page.url} target="_blank" rel="noopener noreferrer">
                {page.title || page.url}
              </a>
            ) : (
              <span>{page.title || page.url}</span>
            )}{' '}
            <span class="muted">
              {i18n.t('chat.rememberedWhen', [formatWhen(page.visitedAt), siteOf(page.url) ?? page.url])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
