/**
 * Answers runtime messages: `BackgroundRequest`s from extension pages, and checked autofill
 * requests from content scripts. The background routes and manages lifetimes only; it
 * holds no state a stream needs, since Chrome may stop it at any moment.
 */
import { handleAutofillRequest, type AutofillDeps } from '@/lib/autofill-service';
import {
  classifySender,
  isBackgroundRequest,
  parseAutofillRequest,
  type AutofillReply,
  type AutofillRequest,
  type BackgroundReply,
  type PortSender,
} from '@/lib/messaging';
import { ensureOffscreenDocument, type OffscreenApis } from './offscreen-document';
import { i18n } from '@/lib/i18n';

export interface RouterContext {
  apis: OffscreenApis;
  extensionId: string;
  autofill: AutofillDeps;
}

/**
 * Handles one runtime message; unknown messages, or any from outside an extension page, get
 * a refusal, never an exception. An autofill request from a sender that may not make it is
 * answered with nothing (`undefined`), as to a stranger.
 */
export async function handleBackgroundMessage(
  message: unknown,
  sender: PortSender,
  { apis, extensionId, autofill: autofillDeps }: RouterContext,
): Promise<BackgroundReply | AutofillReply<AutofillRequest> | undefined> {
  const autofill = parseAutofillRequest(message);
  if (autofill) {
    // A failure (a damaged store) answers nothing rather than leaving the page's promise pending.
    return handleAutofillRequest(autofill, sender, autofillDeps).then(
      (reply) => reply ?? undefined,
      (error: unknown) => {
        console.warn('Edgewise could not answer a form request:', error);
        return undefined;
      },
    );
  }
  // Only extension pages start the engine; content scripts have no use for it (issue 10).
  if (classifySender(sender, extensionId, apis.runtime.getURL('/')) !== 'extension-page') {
    return { ok: false, error: 'Only Edgewise’s own pages may start its engine.' };
  }
  if (!isBackgroundRequest(message)) return { ok: false, error: 'Unknown request.' };
  try {
    await ensureOffscreenDocument(apis);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      error: i18n.t('engineErrors.startFailed', [error instanceof Error ? error.message : String(error)]),
    };
  }
}
