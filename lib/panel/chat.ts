/**
 * The chat view's state, UI-free: which conversation is shown (the active tab's, a
 * temporary one, or a thread opened from history), whether the page is attached, how
 * much page there is, and what happens when tabs close or navigate and threads are
 * deleted. The view renders `state` and the conversation's own snapshots.
 */
import { measureQuestion, threadUrl, unbindTab, type Conversation, type QuestionFit } from '@/lib/chat';
import type { DownloadProgress } from '@/lib/engine';
import { ChatSessions, type ChatSessionsDeps } from './chat-sessions';
import type { PanelBus } from './events';
import { Observable, type Readable } from './observable';
import { i18n } from '@/lib/i18n';
import type { TabPage, TabWatcher } from './tabs';

/** How much of the active tab's page can go to the model, read when the tab (or its page) changes. */
export type PageReadState =
  { state: 'reading' } | { state: 'ready'; words: number; capped: boolean } | { state: 'unreadable'; reason: string };

export interface ChatState {
  tab: TabPage | null;
  temporary: boolean;
  useContext: boolean;
  /** "Also search my pages": remembered pages that match the question go to the model too. */
  searchMemory: boolean;
  /** A thread picked in history, shown instead of the tab's until the user goes back. */
  historyThreadId: string | null;
  /** Null while the next conversation is found: nothing typed meanwhile goes to the old one. */
  conversation: Conversation | null;
  /** Whether `conversation` is a temporary chat (stores nothing). */
  conversationIsTemporary: boolean;
  /** The page of `tab`; null when there is no tab. */
  page: PageReadState | null;
  /** Set while a model loads from IndexedDB for an answer. */
  loading: DownloadProgress | null;
  /** How the message being typed fits the model; null while it is short enough not to matter. */
  draft: QuestionFit | null;
}

/** How long a page's title must stay the same before the panel reads the page again. */
const REREAD_AFTER_MS = 1000;
/**
 * Messages shorter than this always fit: every window leaves a prompt of 512+ tokens, and
 * even a byte-level tokenizer spends at most 4 tokens on a character. Longer ones are
 * measured with the model's own tokenizer, a moment after typing stops, when the model is
 * in memory (before the first answer, sending says it if the message is too long).
 */
const MEASURE_FROM_CHARS = 100;
const MEASURE_AFTER_MS = 300;

export interface ChatPanelDeps extends Omit<
  ChatSessionsDeps,
  'useContext' | 'searchMemory' | 'onLoadProgress' | 'onSaved'
> {
  tabs: TabWatcher;
  bus: PanelBus;
  /** The model the engine holds in memory now, if any (a draft is measured only with it). */
  loadedModel(): string | null;
}

export class ChatPanel {
  private readonly current = new Observable<ChatState>({
    tab: null,
    temporary: false,
    useContext: true,
    searchMemory: false,
    historyThreadId: null,
    conversation: null,
    conversationIsTemporary: false,
    page: null,
    loading: null,
    draft: null,
  });
  private readonly sessions: ChatSessions;
  private picks = 0;
  private reads = 0;
  private rereadTimer: ReturnType<typeof setTimeout> | undefined;
  private measureTimer: ReturnType<typeof setTimeout> | undefined;
  private measures = 0;
  private readonly unlisten: (() => void)[] = [];

  constructor(private readonly deps: ChatPanelDeps) {
    this.sessions = new ChatSessions({
      ...deps,
      useContext: () => this.current.value.useContext,
      searchMemory: () => this.current.value.searchMemory,
      onLoadProgress: (loading) => this.update({ loading }),
      onSaved: (threadId) => deps.bus.emit('threadSaved', { threadId }),
    });
  }

  get state(): Readable<ChatState> {
    return this.current;
  }

  start(): void {
    const { tabs, bus, session } = this.deps;
    this.unlisten.push(
      tabs.active.subscribe(() => this.followTab(tabs.active.value)),
      // A closed tab's thread stays in history; its binding and in-memory conversation go.
      bus.on('tabClosed', ({ tabId }) => {
        this.sessions.closeTab(tabId);
        void unbindTab(session, tabId).catch(() => undefined);
      }),
      // A navigated tab's answer about the old page stops, as a summary does.
      bus.on('tabNavigated', ({ tabId, url }) => this.sessions.navigated(tabId, url)),
      bus.on('threadsDeleted', ({ threadId }) => void this.forget(threadId)),
    );
    this.followTab(tabs.active.value);
  }

  close(): void {
    for (const stop of this.unlisten.splice(0)) stop();
    clearTimeout(this.rereadTimer);
    clearTimeout(this.measureTimer);
  }

  /**
   * The message being typed changed: says, before it is sent, whether it will fit the model
   * (issue 11: a too-long message used to fail only after sending).
   */
  measureDraft(text: string): void {
    clearTimeout(this.measureTimer);
    const measure = ++this.measures;
    if (text.length < MEASURE_FROM_CHARS) return this.update({ draft: null });
    this.measureTimer = setTimeout(() => {
      void this.sessions
        .measuringModel(this.deps.loadedModel())
        .then((model) => model && measureQuestion(text, this.current.value.tab?.title ?? '', model))
        .then((draft) => measure === this.measures && this.update({ draft }))
        // No model to measure with (not downloaded): sending will say so.
        .catch(() => measure === this.measures && this.update({ draft: null }));
    }, MEASURE_AFTER_MS);
  }

  setTemporary(temporary: boolean): void {
    if (temporary === this.current.value.temporary) return;
    this.update({ temporary });
    void this.pick();
  }

  setUseContext(useContext: boolean): void {
    this.update({ useContext });
  }

  setSearchMemory(searchMemory: boolean): void {
    this.update({ searchMemory });
  }

  /** Shows a thread from history (its page may be closed). */
  openFromHistory(threadId: string): void {
    // Opening the thread already shown must not replace its conversation (an answer may be streaming).
    if (this.current.value.historyThreadId === threadId && this.current.value.conversation) return;
    this.update({ historyThreadId: threadId });
    void this.pick();
  }

  /** Back to the active tab's thread. */
  leaveHistory(): void {
    if (this.current.value.historyThreadId === null) return;
    this.update({ historyThreadId: null });
    void this.pick();
  }

  /** Starts a new, empty chat about the active tab's page; the current thread stays in history. */
  newChat(): void {
    this.startOver();
  }

  /** Whether a summary of `url` can be followed up here: it is the active tab's page. */
  canFollowUp(url: string): boolean {
    const open = this.current.value.tab?.url;
    return Boolean(open) && threadUrl(open ?? '') === threadUrl(url);
  }

  /**
   * "Ask a follow-up" on a summary: a new chat about the same page that starts with the
   * summary, so questions about it have it in context (issue 11).
   */
  followUp(summary: { url: string; text: string; modelId: string }): void {
    if (!this.canFollowUp(summary.url)) return;
    this.startOver({ question: i18n.t('chat.summaryQuestion'), answer: summary.text, modelId: summary.modelId });
  }

  /** A new chat about the active tab's page, empty or opening with `opening`; leaves a history thread. */
  private startOver(opening?: Parameters<ChatSessions['startOver']>[2]): void {
    const { tab, temporary } = this.current.value;
    if (!tab?.url) return;
    this.update({ historyThreadId: null });
    void this.pick(() => this.sessions.startOver(tab, temporary, opening));
  }

  /** Stops the answer being written, if any. */
  stop(): void {
    this.current.value.conversation?.stop();
  }

  private followTab(tab: TabPage | null): void {
    const before = this.current.value.tab;
    if (tab === before) return;
    const samePage = before && tab && before.tabId === tab.tabId && threadUrl(before.url) === threadUrl(tab.url);
    this.update({ tab });
    clearTimeout(this.rereadTimer);
    if (!samePage) void this.readPageInfo(tab);
    else if (before.title !== tab.title || before.url !== tab.url) {
      // The title changes once the page has loaded, so the word count may too: read it again
      // once the title settles. A page flipping its title cannot make the panel re-read it.
      this.rereadTimer = setTimeout(() => void this.readPageInfo(this.current.value.tab, true), REREAD_AFTER_MS);
    }
    // A fragment change is the same page (and thread); a real navigation or tab switch picks again,
    // and leaves a thread opened from history.
    if (!samePage) {
      this.update({ historyThreadId: null });
      void this.pick();
    }
  }

  private async forget(threadId: string | null): Promise<void> {
    const { historyThreadId } = this.current.value;
    if (threadId === null || threadId === historyThreadId) this.update({ historyThreadId: null });
    await this.sessions.forget(threadId);
    await this.pick();
  }

  /**
   * Finds the conversation to show (the history thread's, else the tab's, unless `find` says
   * otherwise); a newer pick wins over one still finding.
   */
  private async pick(find?: () => Promise<Conversation | null>): Promise<void> {
    const pick = ++this.picks;
    const { tab, temporary, historyThreadId } = this.current.value;
    // The composer starts empty for the next conversation, so nothing typed is measured.
    clearTimeout(this.measureTimer);
    this.measures++;
    this.update({ conversation: null, draft: null });
    const next = find
      ? await find()
      : historyThreadId
        ? await this.sessions.fromHistory(historyThreadId, tab)
        : tab?.url
          ? await this.sessions.forTab(tab, temporary)
          : null;
    if (pick !== this.picks) return;
    this.update({ conversation: next, conversationIsTemporary: temporary && !historyThreadId });
  }

  /** Reads how much page there is; `quiet` keeps the last count on screen meanwhile. */
  private async readPageInfo(tab: TabPage | null, quiet = false): Promise<void> {
    const read = ++this.reads;
    if (!tab) return this.update({ page: null });
    if (!quiet) this.update({ page: { state: 'reading' } });
    let page: PageReadState;
    try {
      const extracted = await this.deps.readPage(tab.tabId, 'page');
      page = { state: 'ready', words: extracted.wordCount, capped: extracted.capped !== null };
    } catch (error) {
      page = { state: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
    }
    if (read === this.reads) this.update({ page });
  }

  private update(change: Partial<ChatState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}
