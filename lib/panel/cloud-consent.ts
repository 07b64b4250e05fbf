/**
 * The consent sheet's service (issue 14). Before a cloud request that no rule covers, the
 * panel shows the provider and model, the exact text that will be sent with redactions
 * highlighted, and an estimated token count; the user sends once, always (for this feature
 * on this site), or cancels. What is sent afterwards is exactly what the sheet showed.
 */
import type { CloudRoute } from '@/lib/answer';
import { completionBody, estimateTokens } from '@/lib/cloud';
import type { ChatMessage, CloudProvider } from '@/lib/engine';
import { listProfiles } from '@/lib/profile';
import { redactMessages, type Redaction, type RedactedMessage } from '@/lib/routing';
import { cloudDisplayName, loadSettings, saveSettings, type Feature } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { Observable, type Readable } from './observable';

export type ConsentChoice = 'once' | 'always' | 'cancel';

/** One request waiting for the user's answer. */
export interface ConsentRequest {
  id: number;
  feature: Feature;
  site: string | null;
  provider: CloudProvider;
  /** Exactly what will be sent, placeholders marked. */
  messages: RedactedMessage[];
  /** What each placeholder stands for (shown here, on the device; never sent). */
  redactions: Redaction[];
  /** False when the user turned redaction off in Settings. */
  redacted: boolean;
  /** Estimated from the request body's bytes: the provider's tokenizer is not on this device. */
  tokens: number;
}

export interface ConsentState {
  pending: ConsentRequest | null;
}

/** What to send, once agreed: the messages as shown, and the route for the answer stream. */
export interface AgreedCloud {
  messages: ChatMessage[];
  route: CloudRoute;
}

export interface AgreeRequest {
  feature: Feature;
  site: string | null;
  messages: readonly ChatMessage[];
  maxNewTokens: number;
  /** `rule`: a rule already agreed, so no sheet (the text is still redacted). */
  consent: 'ask' | 'rule';
  signal: AbortSignal;
}

export class CloudConsent {
  private readonly current = new Observable<ConsentState>({ pending: null });
  readonly state: Readable<ConsentState> = this.current;
  private answer: ((choice: ConsentChoice) => void) | null = null;
  private ids = 0;

  constructor(private readonly deps: { db: EdgewiseDatabase }) {}

  /** Prepares a cloud request and, unless a rule covers it, waits for the sheet. Null: nothing is to be sent. */
  async agree(request: AgreeRequest): Promise<AgreedCloud | null> {
    const { db } = this.deps;
    const settings = await loadSettings(db);
    const provider: CloudProvider = {
      name: cloudDisplayName(settings),
      baseUrl: settings.cloudBaseUrl,
      model: settings.cloudModel,
    };
    const { messages, redactions } = settings.cloudRedact
      ? redactMessages(request.messages, await listProfiles(db))
      : { messages: request.messages.map((m) => ({ ...m, marks: [] })), redactions: [] };
    const plain = messages.map(({ role, content }) => ({ role, content }));
    const agreed: AgreedCloud = { messages: plain, route: { provider, site: request.site, redactions } };
    if (request.consent === 'rule') return agreed;
    const body = completionBody(provider.model, plain, request.maxNewTokens);
    const pending: ConsentRequest = {
      id: ++this.ids,
      feature: request.feature,
      site: request.site,
      provider,
      messages,
      redactions,
      redacted: settings.cloudRedact,
      tokens: estimateTokens(new TextEncoder().encode(body).byteLength),
    };
    const choice = await this.ask(pending, request.signal);
    if (choice === 'cancel') return null;
    if (choice === 'always') {
      const latest = await loadSettings(db);
      await saveSettings(db, { cloudRules: [...latest.cloudRules, { feature: request.feature, site: request.site }] });
    }
    return agreed;
  }

  /** The user's answer to the sheet showing request `id` (a stale id, from a sheet already gone, is ignored). */
  decide(id: number, choice: ConsentChoice): void {
    if (this.current.value.pending?.id !== id) return;
    this.answer?.(choice);
  }

  private ask(pending: ConsentRequest, signal: AbortSignal): Promise<ConsentChoice> {
    // One sheet at a time: a newer request cancels the one still shown.
    this.answer?.('cancel');
    return new Promise<ConsentChoice>((resolve) => {
      const done = (choice: ConsentChoice) => {
        signal.removeEventListener('abort', onAbort);
        if (this.answer === done) {
          this.answer = null;
          this.current.set({ pending: null });
        }
        resolve(choice);
      };
      const onAbort = () => done('cancel');
      if (signal.aborted) return done('cancel');
      signal.addEventListener('abort', onAbort, { once: true });
      this.answer = done;
      this.current.set({ pending });
    });
  }
}
