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

/** Handles one runtime message; unknown or foreign messages get a refusal, never an exception. */
export async function handleBackgroundMessage(
  message: unknown,
  sender: PortSender,
  { apis, extensionId }: RouterContext,
): Promise<BackgroundReply> {
  if (!classifySender(sender, extensionId, apis.runtime.getURL('/'))) {
    return { ok: false, error: 'Message from outside Edgewise refused.' };
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
