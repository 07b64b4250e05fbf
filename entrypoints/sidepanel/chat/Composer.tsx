import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuestionFit } from '@/lib/chat';
import { i18n } from '@/lib/i18n';

interface Props {
  busy: boolean;
  disabled: boolean;
  /** Text to edit (edit-and-resend of the last question); null for a new message. */
  editing: string | null;
  /** How a long message fits the model (measured as it is typed); null while it is short. */
  fit: QuestionFit | null;
  /** Placeholder for the box: what can be asked here. */
  placeholder: string;
  onDraft(text: string): void;
  onSend(text: string): void;
  onStop(): void;
  onCancelEdit(): void;
}

/**
 * The message box: Enter sends, Shift+Enter makes a new line, Esc stops an answer (or
 * leaves editing). Focus stays here after sending and after stopping, so the user can
 * keep typing.
 */
export function Composer({ busy, disabled, editing, fit, placeholder, onDraft, onSend, onStop, onCancelEdit }: Props) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing !== null) {
      setText(editing);
      onDraft(editing);
      box.current?.focus();
    }
  }, [editing, onDraft]);

  const tooLong = fit !== null && !fit.fits;
  const send = () => {
    // A message that cannot fit stays in the box, to be shortened.
    if (busy || disabled || tooLong || !text.trim()) return;
    onSend(text);
    setText('');
    onDraft('');
    box.current?.focus();
  };
  const stop = () => {
    onStop();
    box.current?.focus();
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for="chat-input" class="visually-hidden">
        {editing !== null ? i18n.t('chat.editLabel') : i18n.t('chat.inputLabel')}
      </label>
      <textarea
        id="chat-input"
        ref={box}
        rows={3}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        aria-describedby="chat-input-hint chat-input-fit"
        aria-invalid={tooLong || undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onDraft(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          } else if (e.key === 'Escape') {
            if (busy) stop();
            else if (editing !== null) {
              setText('');
              onCancelEdit();
            }
          }
        }}
      />
      <p id="chat-input-hint" class="muted hint">
        {i18n.t('chat.inputHint')}
      </p>
      <p id="chat-input-fit" class={tooLong ? 'error hint' : 'muted hint'} data-testid="draft-fit" aria-live="polite">
        {fit &&
          (tooLong
            ? i18n.t('chat.draftTooLong', [fit.tokens.toLocaleString(), fit.limit.toLocaleString()])
            : i18n.t('chat.draftFits', [fit.tokens.toLocaleString(), fit.limit.toLocaleString()]))}
      </p>
      <div class="toolbar">
        {busy ? (
          <>
            <button type="button" onClick={stop}>
              {i18n.t('chat.stop')}
            </button>
            <span class="generating" role="status" data-testid="generating">
              {i18n.t('chat.generating')}
            </span>
          </>
        ) : (
          <button type="submit" class="primary" disabled={disabled || tooLong || !text.trim()}>
            {editing !== null ? i18n.t('chat.resend') : i18n.t('chat.send')}
          </button>
        )}
        {editing !== null && !busy && (
          <button
            type="button"
            onClick={() => {
              setText('');
              onCancelEdit();
            }}
          >
            {i18n.t('chat.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
