/**
 * Messages between contexts that are not engine calls, declared once.
 * Engine calls themselves go through Comlink over the `ENGINE_PORT` runtime port.
 */
import type { ExtractedPage } from '@/lib/extract';
import { isRecord } from './comlink-wire';
import type { PortSender } from './runtime-port';

/** Name of the runtime port that carries Comlink engine calls to the offscreen document. */
export const ENGINE_PORT = 'edgewise/engine';

/** Requests the background service worker answers (via `runtime.sendMessage`). */
export type BackgroundRequest = { type: 'engine/ensure' };

/** Reply to every background request: success, or a message to show. */
export type BackgroundReply = { ok: true } | { ok: false; error: string };

export function isBackgroundRequest(message: unknown): message is BackgroundRequest {
  return isRecord(message) && message.type === 'engine/ensure' && Object.keys(message).length === 1;
}

/** Requests an extension context sends to a tab's content script. */
export type PageRequest = { type: 'page/describe' };

/** What a page says about itself: title, URL and `<html lang>` ('' when it does not say). */
export type PageDescription = Pick<ExtractedPage, 'title' | 'url' | 'lang'>;

export function isPageRequest(message: unknown): message is PageRequest {
  return isRecord(message) && message.type === 'page/describe' && Object.keys(message).length === 1;
}

/** Who is on the other end of a port or message, as far as permissions go. */
export type SenderRole = 'extension-page' | 'content-script';

/**
 * Classifies a sender; `null` for anything not from this extension (refuse it).
 * Extension pages are identified by their URL, as an options page opened in a tab
 * also has `sender.tab`.
 */
export function classifySender(
  sender: PortSender | undefined,
  extensionId: string,
  extensionOrigin: string,
): SenderRole | null {
  if (!sender || sender.id !== extensionId) return null;
  const origin = extensionOrigin.replace(/\/$/, '');
  if (sender.url?.startsWith(`${origin}/`) || sender.origin === origin) return 'extension-page';
  if (sender.tab) return 'content-script';
  return null;
}
