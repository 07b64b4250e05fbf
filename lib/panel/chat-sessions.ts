/**
 * Chat conversations for the panel: one per tab + URL (kept in memory while the panel is
 * open, so switching back to a tab shows an answer still being written), history in
 * IndexedDB, and a temporary mode that stores nothing. Answers go through the one answer
 * stream; models through the one gate.
 */
import { streamAnswer, type AnswerEngine } from '@/lib/answer';
import { estimateTokens } from '@/lib/cloud';
import { Conversation, bindThread, boundThread, threadUrl, unbindTab, type ConversationDeps } from '@/lib/chat';
import type { DownloadProgress } from '@/lib/engine';
import type { ExtractedPage, ModelPage, SourceMode } from '@/lib/extract';
import type { SessionStorage, TextModel } from '@/lib/messaging';
import { searchMemory } from '@/lib/memory';
import { decideRoute } from '@/lib/routing';
import { cloudReady, loadSettings, siteOf, type Settings } from '@/lib/settings';
import { getThread, saveThread, type EdgewiseDatabase } from '@/lib/store';
import type { BuiltInService } from './built-in';
import type { CloudConsent } from './cloud-consent';
import type { ModelGate } from './model-gate';
import type { TabPage } from './tabs';

/** Reads a tab's text (the extractor, injected on demand). */
export type PageReader = (tabId: number, mode: SourceMode) => Promise<ExtractedPage>;

export interface ChatSessionsDeps {
  db: EdgewiseDatabase;
  session: SessionStorage;
  gate: ModelGate;
  engine(): AnswerEngine;
  /** The consent sheet, for answers routed to the cloud. */
  consent: CloudConsent;
  /** Chrome's built-in AI, for chat in "Auto". */
  builtIn: BuiltInService;
  readPage: PageReader;
  /** Whether the page is attached to the next question (the context toggle). */
  useContext(): boolean;
  /** Whether remembered pages are searched for the next question ("Also search my pages"). */
  searchMemory(): boolean;
  /** A page whose text went to the model: page memory decides whether to keep it. */
  remember(page: ExtractedPage): void;
  /** Shown while a model loads from IndexedDB. */
  onLoadProgress(progress: DownloadProgress | null): void;
  /** A thread was saved (so history lists refresh). */
  onSaved(threadId: string): void;
  now?(): number;
  newId?(): string;
}

/** A thread opened from history, when no tab holds it. */
const historyKey = (threadId: string) => `history ${threadId}`;

/** One conversation per tab + page (the fragment does not count), and one more while temporary. */
function keyOf(tabId: number, url: string, temporary: boolean): string {
  return `${tabId} ${threadUrl(url)}${temporary ? ' temporary' : ''}`;
}

export class ChatSessions {
  /** By tab + URL; promises, so quick tab switches never build two conversations for one key. */
  private readonly open = new Map<string, Promise<Conversation>>();

  constructor(private readonly deps: ChatSessionsDeps) {}

  /** The conversation for this tab and URL: in memory, bound in this browser session, or new. */
  forTab(tab: TabPage, temporary: boolean): Promise<Conversation> {
    return this.remember(keyOf(tab.tabId, tab.url, temporary), () => this.create(tab, temporary));
  }

  /**
   * A new, empty conversation for this tab and page ("New chat"). The one shown before
   * stops answering and stays in history; the tab is unbound, so reopening the panel shows
   * the new chat, not the old thread.
   */
  async startOver(
    tab: TabPage,
    temporary: boolean,
    opening?: Parameters<typeof Conversation.start>[2],
  ): Promise<Conversation> {
    const key = keyOf(tab.tabId, tab.url, temporary);
    const before = this.open.get(key);
    this.open.delete(key);
    void before?.then((c) => c.stop()).catch(() => undefined);
    if (!temporary) await unbindTab(this.deps.session, tab.tabId);
    return this.remember(key, () =>
      Promise.resolve(
        Conversation.start(
          { url: threadUrl(tab.url), title: tab.title },
          this.conversationDeps(tab, temporary),
          opening,
        ),
      ),
    );
  }

  /**
   * A thread from history, to read or continue (its page may no longer be open). A thread
   * open in a tab is that same conversation: two live copies would overwrite each other.
   */
  async fromHistory(threadId: string, tab: TabPage | null): Promise<Conversation | null> {
    for (const open of this.open.values()) {
      const conversation = await open.catch(() => null);
      if (conversation?.snapshot.thread.id === threadId) return conversation;
    }
    const stored = await getThread(this.deps.db, threadId);
    if (!stored) return null;
    const samePage = tab && threadUrl(tab.url) === stored.url;
    // Kept like a tab's conversation, so opening it again (or deleting it) reaches this same copy.
    return this.remember(historyKey(threadId), async () => {
      return new Conversation(stored, this.conversationDeps(samePage ? tab : null, false));
    });
  }

  /** Forgets conversations of a closed tab (their threads stay in history). */
  closeTab(tabId: number): void {
    for (const [key, conversation] of this.open) {
      if (!key.startsWith(`${tabId} `)) continue;
      this.open.delete(key);
      void conversation.then((c) => c.stop());
    }
  }

  /** A tab went to another page: an answer about the old page stops (it stays in that thread). */
  navigated(tabId: number, url: string): void {
    const current = [keyOf(tabId, url, false), keyOf(tabId, url, true)];
    for (const [key, conversation] of this.open) {
      if (key.startsWith(`${tabId} `) && !current.includes(key)) void conversation.then((c) => c.stop());
    }
  }

  /** The user deleted a thread (or all, when null): drop it from memory so nothing saves it back. */
  async forget(threadId: string | null): Promise<void> {
    for (const [key, open] of this.open) {
      const conversation = await open.catch(() => null);
      if (threadId !== null && conversation?.snapshot.thread.id !== threadId) continue;
      this.open.delete(key);
      conversation?.discard();
    }
  }

  /** The conversation under `key`, made once; a failed make is forgotten, so the next try runs again. */
  private remember(key: string, make: () => Promise<Conversation>): Promise<Conversation> {
    let conversation = this.open.get(key);
    if (!conversation) {
      conversation = make();
      this.open.set(key, conversation);
      conversation.catch(() => {
        if (this.open.get(key) === conversation) this.open.delete(key);
      });
    }
    return conversation;
  }

  private async create(tab: TabPage, temporary: boolean): Promise<Conversation> {
    const deps = this.conversationDeps(tab, temporary);
    const boundId = temporary ? null : await boundThread(this.deps.session, tab.tabId, tab.url);
    const stored = boundId ? await getThread(this.deps.db, boundId) : undefined;
    return stored
      ? new Conversation(stored, deps)
      : Conversation.start({ url: threadUrl(tab.url), title: tab.title }, deps);
  }

  /**
   * The chat model for measuring a draft, only if the engine already holds it (`loaded`):
   * typing must never load several GB into memory, nor touch an answer's load progress.
   */
  async measuringModel(loaded: string | null): Promise<TextModel | null> {
    const { modelId } = await loadSettings(this.deps.db);
    return modelId === loaded ? this.deps.gate.loadForText(modelId, () => undefined) : null;
  }

  /** The chat model, loaded (from IndexedDB only) through the gate, with load progress shown. */
  async textModel(): Promise<TextModel> {
    const { modelId } = await loadSettings(this.deps.db);
    try {
      return await this.deps.gate.loadForText(modelId, (progress) => this.deps.onLoadProgress(progress));
    } finally {
      this.deps.onLoadProgress(null);
    }
  }

  private conversationDeps(tab: TabPage | null, temporary: boolean): ConversationDeps {
    const { db, session } = this.deps;
    const site = tab ? siteOf(tab.url) : null;
    let bound = false;
    // Remembered once per conversation: every later question about the same page would only
    // rewrite the same parts (and re-apply the limits) on the answer's path.
    let remembered = false;
    // The model the last load was for: the answer names it, so an unload in between reloads that model.
    let modelId = '';
    return {
      save: async (thread) => {
        if (temporary) return;
        await saveThread(db, thread);
        if (tab && !bound) {
          bound = true;
          await bindThread(session, tab.tabId, tab.url, thread.id);
        }
        this.deps.onSaved(thread.id);
      },
      route: async (asked) => {
        const settings = await loadSettings(db);
        return decideRoute({
          feature: 'chat',
          site,
          asked,
          providerReady: cloudReady(settings),
          rules: settings.cloudRules,
          mode: settings.chatRoute,
          builtInReady: this.deps.builtIn.ready,
        });
      },
      model: async (engine) => {
        const model =
          engine === 'cloud'
            ? cloudTextModel(await loadSettings(db))
            : engine === 'builtin'
              ? estimatedModel(BUILT_IN_MODEL, await this.deps.builtIn.ai.contextWindow())
              : await this.textModel();
        modelId = model.modelId;
        return model;
      },
      agree: (messages, maxNewTokens, consent, signal) =>
        this.deps.consent.agree({ feature: 'chat', site, messages, maxNewTokens, consent, signal }),
      readPage: async (): Promise<ModelPage | null> => {
        if (!tab || !this.deps.useContext()) return null;
        try {
          const page = await this.deps.readPage(tab.tabId, 'page');
          if (threadUrl(page.url) !== threadUrl(tab.url)) return null;
          if (!temporary && !remembered) {
            remembered = true;
            this.deps.remember(page);
          }
          return { title: page.title, url: page.url, lang: page.lang, text: page.text };
        } catch {
          // The context bar already says why this page cannot be read; answer without it.
          return null;
        }
      },
      // A memory that cannot be searched (a damaged store) must not cost the answer: it goes without.
      recall: (question) =>
        this.deps.searchMemory()
          ? searchMemory(db, question, { excludeUrl: tab?.url }).catch(() => [])
          : Promise.resolve([]),
      generate: (messages, maxNewTokens, onText, signal, via) =>
        streamAnswer(this.deps.engine(), {
          feature: 'chat',
          messages,
          modelId,
          maxNewTokens,
          signal,
          onText,
          cloud: via.engine === 'cloud' ? via.cloud : undefined,
          builtIn: via.engine === 'builtin' ? this.deps.builtIn.ai : undefined,
        }),
      now: this.deps.now ?? (() => Date.now()),
      newId: this.deps.newId ?? (() => crypto.randomUUID()),
    };
  }
}

/** What chat names Chrome's built-in model in its prompt budget. */
const BUILT_IN_MODEL = 'chrome-built-in';

/**
 * A model whose tokenizer is not on this device (the cloud provider's, Chrome's) as the
 * prompt builder sees it: its window, and tokens estimated from bytes, so nothing is loaded.
 */
function estimatedModel(modelId: string, contextWindow: number): TextModel {
  const bytes = new TextEncoder();
  return {
    modelId,
    contextWindow,
    countTokens: (texts) => Promise.resolve(texts.map((text) => estimateTokens(bytes.encode(text).byteLength))),
  };
}

function cloudTextModel(settings: Settings): TextModel {
  return estimatedModel(settings.cloudModel, settings.cloudContextTokens);
}
