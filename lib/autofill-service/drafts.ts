/**
 * Drafting a form answer (issue 13, "Drafting free text"), served by the background over one
 * runtime port per draft. Content scripts get no engine (issue 10): the page side sends only
 * the question; the background reads the page through the one extractor, the About me notes
 * and page memory itself, and streams the draft back. Closing the port stops the draft.
 * Unlike the panel's answers, this stream passes through the service worker: the page side
 * pings while it waits, so Chrome does not stop the worker during a long model load.
 */
import { streamAnswer } from '@/lib/answer';
import type { ExtractedPage } from '@/lib/extract';
import { searchMemory } from '@/lib/memory';
import {
  countTokensInBatches,
  parseDraftClientMessage,
  type DraftServerMessage,
  type EngineConnection,
  type RuntimePort,
} from '@/lib/messaging';
import { getDefaultProfile } from '@/lib/profile';
import { loadSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { buildDraftPrompt } from './draft-prompt';
import { suggestsOn } from './requests';
import { autofillPage, type SenderApis } from './sender';
import { i18n } from '@/lib/i18n';

/** What serving a draft needs: sender checks, the database, the page reader and an engine connection. */
export interface DraftDeps {
  apis: SenderApis;
  db: EdgewiseDatabase;
  /** The tab's page through the one extractor (hidden text and scripts already left out). */
  readPage(tabId: number): Promise<ExtractedPage>;
  /** A connection to the engine document. */
  connect(): Promise<EngineConnection>;
}

/** Serves one draft port: the first `draft` message starts it; `stop` or closing the port stops it. */
export function serveDraft(port: RuntimePort, deps: DraftDeps): void {
  const stop = new AbortController();
  let started = false;
  // Streamed text stops with a stop; the one final message (done or error) always goes.
  const post = (message: DraftServerMessage) => {
    if (!stop.signal.aborted || message.type !== 'text') safePost(port, message);
  };
  port.onDisconnect.addListener(() => stop.abort());
  port.onMessage.addListener((raw: unknown) => {
    const message = parseDraftClientMessage(raw);
    if (!message) {
      port.disconnect();
      return;
    }
    if (message.type === 'stop') {
      stop.abort();
      return;
    }
    // A ping only keeps this service worker awake while the model loads (Chrome stops it after 30 s without an event).
    if (message.type === 'ping') return;
    if (started) return;
    started = true;
    draft(port, message.question, deps, stop.signal, post).catch((error: unknown) => {
      post({ type: 'error', message: draftError(error) });
    });
  });
}

async function draft(
  port: RuntimePort,
  question: string,
  { apis, db, readPage, connect }: DraftDeps,
  signal: AbortSignal,
  post: (message: DraftServerMessage) => void,
): Promise<void> {
  const page = port.sender ? await autofillPage(port.sender, apis) : null;
  if (!page) {
    port.disconnect();
    return;
  }
  const settings = await loadSettings(db);
  if (!suggestsOn(settings, page.topUrl)) throw new Error(i18n.t('autofill.offHere'));
  const memoryOn = settings.rememberUsed || settings.rememberRead;
  const [profile, read, recalled] = await Promise.all([
    getDefaultProfile(db),
    // A page the extractor cannot read (it navigated) still gets a draft from the notes.
    readPage(page.tabId).catch(() => null),
    memoryOn ? searchMemory(db, question, { excludeUrl: page.topUrl }).catch(() => []) : Promise.resolve([]),
  ]);
  const connection = await connect();
  try {
    const { engine } = connection;
    const loaded = await engine.load(settings.modelId, { storedOnly: true });
    const prompt = await buildDraftPrompt(
      {
        question,
        about: profile?.about ? { profileName: profile.name, text: profile.about } : null,
        page: read && { title: read.title, text: read.text },
        recalled,
      },
      { contextWindow: loaded.contextWindow, countTokens: (texts) => countTokensInBatches(engine, texts) },
    );
    const answer = await streamAnswer(engine, {
      feature: 'draft',
      messages: prompt.messages,
      modelId: settings.modelId,
      maxNewTokens: prompt.maxNewTokens,
      signal,
      onText: (text) => post({ type: 'text', text }),
    });
    post({ type: 'done', sources: prompt.sources, origin: answer.origin, stopped: answer.stopped });
  } finally {
    connection.close();
  }
}

/** What the popup says when a draft fails: plain words, with what to do for a missing model. */
function draftError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'ModelNotStoredError' || /not downloaded/i.test(message)) return i18n.t('autofill.draftNoModel');
  return i18n.t('autofill.draftFailed', [message]);
}

function safePost(port: RuntimePort, message: DraftServerMessage): void {
  try {
    port.postMessage(message);
  } catch {
    // The page closed the port (the popup went away): nobody is left to tell.
  }
}
