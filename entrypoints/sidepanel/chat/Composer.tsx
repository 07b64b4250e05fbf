import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '@/lib/i18n';

interface Props {
  busy: boolean;
  disabled: boolean;
  /** Text to edit (edit-and-resend of the last question); null for a new message. */
  editing: string | null;
  onSend(text: string): void;
  onStop(): void;
  onCancelEdit(): void;
}

/**
 * The message box: Enter sends, Shift+Enter makes a new line, Esc stops an answer (or
 * leaves editing). Focus stays here after sending and after stopping, so the user can
 * keep typing.
 */
export function Composer({ busy, disabled, editing, onSend, onStop, onCancelEdit }: Props) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing !== null) {
      setText(editing);
      box.current?.focus();
    }
  }, [editing]);

  const send = () => {
    if (busy || disabled || !text.trim()) return;
    onSend(text);
    setText('');
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
        placeholder={i18n.t('chat.placeholder')}
        aria-describedby="chat-input-hint"
        onInput={(e) => setText(e.currentTarget.value)}
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
          <button type="submit" class="primary" disabled={disabled || !text.trim()}>
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
