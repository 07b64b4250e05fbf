import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ConsentRequest, CloudConsent } from '@/lib/panel';
import { ruleLabel } from '../settings/CloudSettings';
import { useValue } from '../use-panel';

/** `text` with the placeholder spans in `marks` highlighted. */
function marked(text: string, marks: readonly { start: number; end: number }[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const { start, end } of marks) {
    out.push(text.slice(at, start));
    out.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * The consent sheet (issue 14): before anything goes to a cloud provider, exactly what
 * will be sent, placeholders highlighted, and the choice to send once, always for this
 * feature (on this site), or not at all. Focus starts on Cancel; Esc cancels.
 */
export function ConsentSheet({ consent }: { consent: CloudConsent }) {
  const { pending } = useValue(consent.state);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (pending && !el.open) el.showModal();
    if (!pending && el.open) el.close();
  }, [pending]);
  const decide = (choice: 'once' | 'always' | 'cancel') => pending && consent.decide(pending.id, choice);
  return (
    <dialog
      ref={dialog}
      class="consent"
      data-testid="consent-sheet"
      aria-labelledby="consent-title"
      onClose={() => decide('cancel')}
    >
      {pending && <SheetBody request={pending} onDecide={decide} />}
    </dialog>
  );
}

function SheetBody({
  request,
  onDecide,
}: {
  request: ConsentRequest;
  onDecide(choice: 'once' | 'always' | 'cancel'): void;
}) {
  const { provider, redactions } = request;
  return (
    <>
      <h2 id="consent-title">{i18n.t('consent.title', [provider.name])}</h2>
      <p data-testid="consent-summary">
        {i18n.t('consent.summary', [provider.model, new URL(provider.baseUrl).origin, request.tokens.toLocaleString()])}
      </p>
      <p class={request.redacted ? 'hint' : 'hint error'} data-testid="consent-redactions">
        {request.redacted
          ? i18n.t('consent.redactions', redactions.length, [redactions.length])
          : i18n.t('consent.notRedacted')}
      </p>
      <div class="consent-text" data-testid="consent-text" tabIndex={0} aria-label={i18n.t('consent.textLabel')}>
        {request.messages.map((message, i) => (
          <section key={i} data-role={message.role}>
            <h3>{i18n.t(`consent.role.${message.role}`)}</h3>
            <pre data-testid="consent-message">{marked(message.content, message.marks)}</pre>
          </section>
        ))}
      </div>
      {redactions.length > 0 && (
        <details data-testid="consent-mapping">
          <summary>{i18n.t('consent.mapping')}</summary>
          <ul>
            {redactions.map((r) => (
              <li key={r.placeholder}>
                <code>{r.placeholder}</code> {r.value}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="toolbar">
        <button type="button" autoFocus onClick={() => onDecide('cancel')}>
          {i18n.t('dialog.cancel')}
        </button>
        <button type="button" onClick={() => onDecide('always')}>
          {i18n.t('consent.always', [ruleLabel({ feature: request.feature, site: request.site })])}
        </button>
        <button type="button" class="primary" onClick={() => onDecide('once')}>
          {i18n.t('consent.sendOnce')}
        </button>
      </div>
    </>
  );
}
