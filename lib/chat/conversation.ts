/**
 * One chat thread in motion: send, stream, stop, regenerate, edit-and-resend, saving
 * each step. UI-free: the side panel renders the snapshots it emits, and the engine,
 * the page and the store come in as plain functions so tests can drive it in Node.
 */
import { CloudAnswerError, textBudget, type AnswerOrigin, type CloudRoute } from '@/lib/answer';
import type { ChatMessage } from '@/lib/engine';
import { i18n } from '@/lib/i18n';
import type { Route } from '@/lib/routing';
import type { ChatMessageRecord, ChatThreadRecord } from '@/lib/store';
import type { ModelPage } from '@/lib/extract';
import type { RecalledPage } from '@/lib/memory';
import { HISTORY_SHARE, buildChatPrompt, type ChatModel } from './prompt';

export type { ChatModel };

/** What the user picked on one answer: "Ask <provider>", "Retry on this device", or nothing (the rules decide). */
export type AskedEngine = 'cloud' | 'device' | null;

/** Where one answer is written, once decided (and for the cloud, agreed). */
export type AnswerVia = { engine: 'device' } | { engine: 'builtin' } | { engine: 'cloud'; cloud: CloudRoute };

/** A cloud request as agreed at the consent sheet: the messages exactly as shown, and the route. */
export interface AgreedRequest {
  messages: ChatMessage[];
  route: CloudRoute;
}

export interface ConversationDeps {
  /** Saves the whole thread; a temporary chat passes a function that stores nothing. */
  save(thread: ChatThreadRecord): Promise<void>;
  /** Where this answer runs (lib/routing `decideRoute`). */
  route(asked: AskedEngine): Promise<Route>;
  /**
   * The model to fit the prompt to: this device's, loaded (downloads are agreed to before a
   * chat starts), or Chrome's built-in AI's or the cloud provider's window with estimated
   * token counts.
   */
  model(engine: 'device' | 'builtin' | 'cloud'): Promise<ChatModel>;
  /** Redacts the prompt and, unless a rule agreed already, asks at the consent sheet. Null: cancelled. */
  agree(
    messages: ChatMessage[],
    maxNewTokens: number,
    consent: 'ask' | 'rule',
    signal: AbortSignal,
  ): Promise<AgreedRequest | null>;
  /** The page text when the context toggle is on and the page is open; null otherwise. */
  readPage(): Promise<ModelPage | null>;
  /** Remembered pages matching the question when "Also search my pages" is on; none otherwise. */
  recall(question: string): Promise<RecalledPage[]>;
  /** Streams one answer where `via` says; resolves with `stopped` when `signal` aborted it. Rejects if it fails. */
  generate(
    messages: ChatMessage[],
    maxNewTokens: number,
    onText: (piece: string) => void,
    signal: AbortSignal,
    via: AnswerVia,
  ): Promise<{ text: string; stopped: boolean; origin: AnswerOrigin | null }>;
  now(): number;
  newId(): string;
}

/** What the panel shows. `pending` is the answer being written (not saved yet). */
export interface ConversationSnapshot {
  thread: ChatThreadRecord;
  pending: ChatMessageRecord | null;
  busy: boolean;
  /** Earlier messages left out of the last prompt to fit the window. */
  omitted: number;
  /** Why the last request was not sent ("Nothing was sent."), until the next one. */
  notice: string | null;
}

export class Conversation {
  private busy = false;
  private pending: ChatMessageRecord | null = null;
  private abort: AbortController | null = null;
  private omitted = 0;
  private notice: string | null = null;
  private discarded = false;
  private readonly listeners = new Set<(snapshot: ConversationSnapshot) => void>();

  constructor(
    private thread: ChatThreadRecord,
    private readonly deps: ConversationDeps,
  ) {}

  /** A new, empty thread about `page` (saved only once the first question is sent). */
  /**
   * A new thread about `page`. `opening` seeds it with a first exchange that happened
   * elsewhere (a summary: "Ask a follow-up"), so the next question has it as history.
   */
  static start(
    page: { url: string; title: string },
    deps: ConversationDeps,
    opening?: { question: string; answer: string; modelId: string },
  ): Conversation {
    const now = deps.now();
    const messages: ChatMessageRecord[] = opening
      ? [
          { id: deps.newId(), role: 'user', text: opening.question, createdAt: now },
          {
            id: deps.newId(),
            role: 'assistant',
            text: opening.answer,
            createdAt: now,
            status: 'complete',
            modelId: opening.modelId,
          },
        ]
      : [];
    return new Conversation({ id: deps.newId(), ...page, createdAt: now, updatedAt: now, messages }, deps);
  }

  get snapshot(): ConversationSnapshot {
    // A copy: the pending answer grows in place, and views compare by reference.
    const pending = this.pending && { ...this.pending };
    return { thread: this.thread, pending, busy: this.busy, omitted: this.omitted, notice: this.notice };
  }

  /** Calls `listener` now and on every change; returns how to stop. */
  subscribe(listener: (snapshot: ConversationSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  /** Sends a question and streams the answer. Does nothing while an answer is being written. */
  async send(question: string): Promise<void> {
    const text = question.trim();
    if (!text || this.busy) return;
    const message: ChatMessageRecord = { id: this.deps.newId(), role: 'user', text, createdAt: this.deps.now() };
    await this.answer([...this.thread.messages, message]);
  }

  /**
   * Writes the last answer again (the last question is asked anew): where the rules say,
   * with the cloud provider ("Regenerate with <provider>"), or on this device ("Retry on
   * this device", after a cloud failure). A cancelled consent keeps the old answer.
   */
  async regenerate(asked: AskedEngine = null): Promise<void> {
    if (this.busy) return;
    const lastUser = this.thread.messages.findLastIndex((m) => m.role === 'user');
    if (lastUser >= 0) await this.answer(this.thread.messages.slice(0, lastUser + 1), asked);
  }

  /** Replaces the last question with `question` and answers it; the old answer is dropped. */
  async editLast(question: string): Promise<void> {
    const text = question.trim();
    if (!text || this.busy) return;
    const lastUser = this.thread.messages.findLastIndex((m) => m.role === 'user');
    if (lastUser < 0) return this.send(text);
    const edited = { ...this.thread.messages[lastUser]!, text, createdAt: this.deps.now() };
    await this.answer([...this.thread.messages.slice(0, lastUser), edited]);
  }

  /** Stops the answer being written; what was written is kept, marked stopped. */
  stop(): void {
    this.abort?.abort();
  }

  /** The user deleted this thread: stop, and never save it again (an answer in flight would bring it back). */
  discard(): void {
    this.discarded = true;
    this.stop();
  }

  /**
   * `messages` ends with the question to answer. It is saved before the model starts (so it
   * survives a crash mid-answer), except when the consent sheet must ask first: then only
   * once the user agreed, so a cancelled consent leaves the thread as it was.
   */
  private async answer(messages: ChatMessageRecord[], asked: AskedEngine = null): Promise<void> {
    this.busy = true;
    this.notice = null;
    const abort = (this.abort = new AbortController());
    const answer: ChatMessageRecord = {
      id: this.deps.newId(),
      role: 'assistant',
      text: '',
      createdAt: this.deps.now(),
    };
    this.pending = answer;
    let saved = false;
    try {
      const route = await this.deps.route(asked);
      if (route.engine === 'none') {
        this.notice = i18n.t('chat.noProvider');
        return;
      }
      // Only a consent sheet may still say no: every other answer saves the question now.
      const askFirst = route.engine === 'cloud' && route.consent === 'ask';
      if (!askFirst) {
        saved = true;
        await this.commit(messages);
      } else this.emit();
      const model = await this.deps.model(route.engine);
      // A cloud model is named by its origin, not as a model id of this device.
      if (route.engine === 'device') answer.modelId = model.modelId;
      const page = await this.deps.readPage();
      // A tab still loading when the thread began showed its URL as the title; use the page's.
      if (page?.title && page.title !== this.thread.title) this.thread = { ...this.thread, title: page.title };
      const recalled = await this.deps.recall(messages.at(-1)!.text);
      const prompt = await buildChatPrompt(messages, page, model, recalled);
      const maxNewTokens = textBudget(model.contextWindow, HISTORY_SHARE).answerTokens;
      const local: AnswerVia = route.engine === 'builtin' ? { engine: 'builtin' } : { engine: 'device' };
      let request: { messages: ChatMessage[]; via: AnswerVia } = { messages: prompt.messages, via: local };
      if (route.engine === 'cloud') {
        const agreed = await this.deps.agree(prompt.messages, maxNewTokens, route.consent, abort.signal);
        if (!agreed) {
          this.notice = i18n.t('chat.nothingSent');
          return;
        }
        request = { messages: agreed.messages, via: { engine: 'cloud', cloud: agreed.route } };
        if (!saved) {
          saved = true;
          await this.commit(messages);
        }
      }
      answer.context = prompt.context;
      this.omitted = prompt.omitted;
      this.emit();
      const onText = (piece: string) => {
        answer.text += piece;
        this.emit();
      };
      const result = await this.deps.generate(request.messages, maxNewTokens, onText, abort.signal, request.via);
      answer.text = result.text || answer.text;
      answer.status = result.stopped ? 'stopped' : 'complete';
      if (result.origin) answer.origin = result.origin;
    } catch (error) {
      answer.status = 'error';
      answer.error = error instanceof Error ? error.message : String(error);
      // A failed cloud request still left the device: the answer says where it went.
      if (error instanceof CloudAnswerError && error.origin) answer.origin = error.origin;
      // Before the question was saved (while preparing the consent), the thread stays as it was.
      if (!saved) this.notice = answer.error;
    } finally {
      this.pending = null;
      this.abort = null;
      // A failed save (disk full) still shows the answer; the store's error is not the user's question.
      if (saved) await this.commit([...messages, { ...answer, createdAt: this.deps.now() }]).catch(() => undefined);
      // Not busy only once saved: whoever reacts to the end (the history list) reads the saved thread.
      this.busy = false;
      this.emit();
    }
  }

  private async commit(messages: ChatMessageRecord[]): Promise<void> {
    this.thread = { ...this.thread, messages, updatedAt: this.deps.now() };
    this.emit();
    if (!this.discarded) await this.deps.save(this.thread);
  }

  private emit(): void {
    const snapshot = this.snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }
}
