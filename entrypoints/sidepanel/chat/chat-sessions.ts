/**
 * Wires chat conversations to the browser and the engine for the side panel: one
 * conversation per tab + URL (kept in memory while the panel is open, so switching back
 * to a tab shows an answer still being written), history in IndexedDB, and a temporary
 * mode that stores nothing.
 */
import { browser } from 'wxt/browser';
import { Conversation, bindThread, boundThread, threadUrl, type ConversationDeps, type PageText } from '@/lib/chat';
import type { DownloadProgress } from '@/lib/engine';
import { generateStream, loadForText, type EngineRemote, type SessionStorageArea } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { getThread, saveThread, type EdgewiseDatabase } from '@/lib/store';
import { extractFromTab, type TabApis } from '@/lib/tabs';
import type { ActiveTab } from '../use-active-tab';

export interface ChatWiring {
  engine: EngineRemote;
  db: EdgewiseDatabase;
  session: SessionStorageArea;
  /** Whether the page is attached to the next question (the context toggle). */
  useContext(): boolean;
  /** Shown while a model loads from IndexedDB (or downloads, after consent). */
  onLoadProgress(progress: DownloadProgress): void;
}

let requests = 0;

/** One conversation per tab + page (the fragment does not count), and one more while temporary. */
function keyOf(tabId: number, url: string, temporary: boolean): string {
  return `${tabId} ${threadUrl(url)}${temporary ? ' temporary' : ''}`;
}

export class ChatSessions {
  /** By tab + URL; promises, so quick tab switches never build two conversations for one key. */
  private readonly open = new Map<string, Promise<Conversation>>();

  constructor(private readonly wiring: ChatWiring) {}

  /** The conversation for this tab and URL: in memory, bound in this browser session, or new. */
  forTab(tab: ActiveTab, temporary: boolean): Promise<Conversation> {
    const key = keyOf(tab.tabId, tab.url, temporary);
    let conversation = this.open.get(key);
    if (!conversation) {
      conversation = this.create(tab, temporary);
      this.open.set(key, conversation);
    }
    return conversation;
  }

  /**
   * A thread from history, to read or continue (its page may no longer be open). A thread
   * open in a tab is that same conversation: two live copies would overwrite each other.
   */
  async fromHistory(threadId: string, tab: ActiveTab | null): Promise<Conversation | null> {
    for (const open of this.open.values()) {
      const conversation = await open;
      if (conversation.snapshot.thread.id === threadId) return conversation;
    }
    const stored = await getThread(this.wiring.db, threadId);
    if (!stored) return null;
    const samePage = tab && threadUrl(tab.url) === stored.url;
    return new Conversation(stored, this.deps(samePage ? tab : null, false));
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

  /** The user deleted a thread (or all): drop it from memory so nothing saves it back. */
  async forget(threadId?: string): Promise<void> {
    for (const [key, open] of this.open) {
      const conversation = await open;
      if (threadId !== undefined && conversation.snapshot.thread.id !== threadId) continue;
      this.open.delete(key);
      conversation.discard();
    }
  }

  private async create(tab: ActiveTab, temporary: boolean): Promise<Conversation> {
    const deps = this.deps(tab, temporary);
    const boundId = temporary ? null : await boundThread(this.wiring.session, tab.tabId, tab.url);
    const stored = boundId ? await getThread(this.wiring.db, boundId) : undefined;
    return stored
      ? new Conversation(stored, deps)
      : Conversation.start({ url: threadUrl(tab.url), title: tab.title }, deps);
  }

  private deps(tab: ActiveTab | null, temporary: boolean): ConversationDeps {
    const { engine, db, session } = this.wiring;
    let bound = false;
    // The model the last load was for: generate names it, so an unload in between reloads that model.
    let modelId: string | undefined;
    return {
      save: async (thread) => {
        if (temporary) return;
        await saveThread(db, thread);
        if (tab && !bound) {
          bound = true;
          await bindThread(session, tab.tabId, tab.url, thread.id);
        }
      },
      model: async () => {
        ({ modelId } = await loadSettings(db));
        return loadForText(engine, modelId, this.wiring.onLoadProgress);
      },
      readPage: async (): Promise<PageText | null> => {
        if (!tab || !this.wiring.useContext()) return null;
        try {
          const page = await extractFromTab(browser as unknown as TabApis, tab.tabId, 'page');
          return threadUrl(page.url) === threadUrl(tab.url)
            ? { title: page.title, url: page.url, text: page.text }
            : null;
        } catch {
          // The context bar already says why this page cannot be read; answer without it.
          return null;
        }
      },
      generate: async (messages, maxNewTokens, onText, signal) => {
        // Stopped while the model loaded or the page was read: no answer was started.
        if (signal.aborted) return { text: '', stopped: true };
        const requestId = `chat-${Date.now()}-${++requests}`;
        const cancel = () => void engine.cancel(requestId);
        signal.addEventListener('abort', cancel);
        try {
          const result = await generateStream(engine, { requestId, messages, maxNewTokens, modelId }, onText);
          return { text: result.text, stopped: result.finishReason === 'cancelled' };
        } finally {
          signal.removeEventListener('abort', cancel);
        }
      },
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
  }
}
