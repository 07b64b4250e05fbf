/**
 * One chat thread in motion: send, stream, stop, regenerate, edit-and-resend, saving
 * each step. UI-free: the side panel renders the snapshots it emits, and the engine,
 * the page and the store come in as plain functions so tests can drive it in Node.
 */
import { textBudget } from '@/lib/answer';
import type { ChatMessage } from '@/lib/engine';
import type { ChatMessageRecord, ChatThreadRecord } from '@/lib/store';
import type { ModelPage } from '@/lib/extract';
import type { RecalledPage } from '@/lib/memory';
import { HISTORY_SHARE, buildChatPrompt, type ChatModel } from './prompt';

export type { ChatModel };

export interface ConversationDeps {
  /** Saves the whole thread; a temporary chat passes a function that stores nothing. */
  save(thread: ChatThreadRecord): Promise<void>;
  /** Makes sure the model is loaded (downloads are agreed to before a chat starts). */
  model(): Promise<ChatModel>;
  /** The page text when the context toggle is on and the page is open; null otherwise. */
  readPage(): Promise<ModelPage | null>;
  /** Remembered pages matching the question when "Also search my pages" is on; none otherwise. */
  recall(question: string): Promise<RecalledPage[]>;
  /** Streams one answer; resolves with `stopped` when `signal` aborted it. Rejects if the engine fails. */
  generate(
    messages: ChatMessage[],
    maxNewTokens: number,
    onText: (piece: string) => void,
    signal: AbortSignal,
  ): Promise<{ text: string; stopped: boolean }>;
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
}

export class Conversation {
  private busy = false;
  private pending: ChatMessageRecord | null = null;
  private abort: AbortController | null = null;
  private omitted = 0;
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
    return { thread: this.thread, pending, busy: this.busy, omitted: this.omitted };
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

  /** Writes the last answer again (the last question is asked anew). */
  async regenerate(): Promise<void> {
    if (this.busy) return;
    const lastUser = this.thread.messages.findLastIndex((m) => m.role === 'user');
    if (lastUser >= 0) await this.answer(this.thread.messages.slice(0, lastUser + 1));
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

  /** `messages` ends with the question to answer; it is saved before the model starts. */
  private async answer(messages: ChatMessageRecord[]): Promise<void> {
    this.busy = true;
    this.abort = new AbortController();
    const answer: ChatMessageRecord = {
      id: this.deps.newId(),
      role: 'assistant',
      text: '',
      createdAt: this.deps.now(),
    };
    this.pending = answer;
    try {
      // The question is saved before the model starts, so it survives a crash mid-answer.
      await this.commit(messages);
      const model = await this.deps.model();
      answer.modelId = model.modelId;
      const page = await this.deps.readPage();
      // A tab still loading when the thread began showed its URL as the title; use the page's.
      if (page?.title && page.title !== this.thread.title) this.thread = { ...this.thread, title: page.title };
      const recalled = await this.deps.recall(messages.at(-1)!.text);
      const prompt = await buildChatPrompt(messages, page, model, recalled);
      answer.context = prompt.context;
      this.omitted = prompt.omitted;
      this.emit();
      const result = await this.deps.generate(
        prompt.messages,
        textBudget(model.contextWindow, HISTORY_SHARE).answerTokens,
        (piece) => {
          answer.text += piece;
          this.emit();
        },
        this.abort.signal,
      );
      answer.text = result.text || answer.text;
      answer.status = result.stopped ? 'stopped' : 'complete';
    } catch (error) {
      answer.status = 'error';
      answer.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.pending = null;
      this.abort = null;
      // A failed save (disk full) still shows the answer; the store's error is not the user's question.
      await this.commit([...messages, { ...answer, createdAt: this.deps.now() }]).catch(() => undefined);
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
