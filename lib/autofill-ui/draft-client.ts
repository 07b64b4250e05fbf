import { AUTOFILL_DRAFT_PORT, type DraftClientMessage, type DraftServerMessage } from '@/lib/messaging';
import type { PageRuntime } from './ask';
import { i18n } from '@/lib/i18n';

/** What a running draft reports. */
export interface DraftListener {
  text(piece: string): void;
  done(message: Extract<DraftServerMessage, { type: 'done' }>): void;
  error(message: string): void;
}

/** A draft being written: stop keeps what was written; close drops the port and hears nothing more. */
export interface DraftRun {
  stop(): void;
  close(): void;
}

/** How often a waiting draft tells the background it is still wanted (its idle limit is 30 s). */
const PING_EVERY_MS = 20_000;

/** Asks the background for a draft of `question`, over its own port (lib/autofill-service/drafts.ts). */
export function requestDraft(runtime: PageRuntime, question: string, listener: DraftListener): DraftRun {
  const port = runtime.connect({ name: AUTOFILL_DRAFT_PORT });
  let over = false;
  const send = (message: DraftClientMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // Already disconnected: the disconnect listener has said so.
    }
  };
  port.onMessage.addListener((message: DraftServerMessage) => {
    if (over) return;
    if (message.type === 'text') listener.text(message.text);
    else {
      over = true;
      clearInterval(ping);
      if (message.type === 'done') listener.done(message);
      else listener.error(message.message);
      port.disconnect();
    }
  });
  port.onDisconnect.addListener(() => {
    if (over) return;
    over = true;
    listener.error(i18n.t('autofill.draftFailed', [i18n.t('engineErrors.noBackground')]));
  });
  send({ type: 'draft', question });
  // The background serves the draft; a message every 20 s keeps Chrome from stopping it while the model loads.
  const ping = setInterval(() => send({ type: 'ping' }), PING_EVERY_MS);
  port.onDisconnect.addListener(() => clearInterval(ping));
  return {
    stop: () => send({ type: 'stop' }),
    close: () => {
      over = true;
      clearInterval(ping);
      port.disconnect();
    },
  };
}
