import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '@/lib/i18n';

interface Props {
  /** The question; the dialog is shown while it is set. */
  message: string | null;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * The panel's one confirmation: a modal `<dialog>` in the panel's own style, not the
 * browser's `confirm()` (issue 11). Esc or Cancel closes it; focus starts on Cancel, so a
 * stray Enter deletes nothing.
 */
export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (message && !el.open) el.showModal();
    if (!message && el.open) el.close();
  }, [message]);
  return (
    <dialog ref={dialog} class="confirm" aria-labelledby="confirm-message" onClose={onCancel}>
      <p id="confirm-message">{message}</p>
      <div class="toolbar">
        <button type="button" autoFocus onClick={onCancel}>
          {i18n.t('dialog.cancel')}
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
