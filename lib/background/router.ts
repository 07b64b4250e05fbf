/**
 * Answers `BackgroundRequest`s. The background routes and manages lifetimes only; it
 * holds no state a stream needs, since Chrome may stop it at any moment.
 */
import { classifySender, isBackgroundRequest, type BackgroundReply, type PortSender } from '@/lib/messaging';
import { ensureOffscreenDocument, type OffscreenApis } from './offscreen-document';
import { i18n } from '@/lib/i18n';

export interface RouterContext {
  apis: OffscreenApis;
  extensionId: string;
}

/** Handles one runtime message; unknown messages, or any from outside an extension page, get a refusal, never an exception. */
export async function handleBackgroundMessage(
  message: unknown,
  sender: PortSender,
  { apis, extensionId }: RouterContext,
): Promise<BackgroundReply> {
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
