/**
 * Chat threads kept on this device, as the History view shows them: search, delete one
 * or all, export and import. Deletions are announced, so open chats forget the thread
 * (an answer in flight would otherwise save it back); saves elsewhere refresh the list.
 */
import { MAX_IMPORT_CHARACTERS, exportJson, importThreads } from '@/lib/chat';
import {
  allThreads,
  clearThreads,
  deleteThread,
  listThreads,
  searchThreads,
  type ChatThreadRecord,
  type EdgewiseDatabase,
} from '@/lib/store';
import type { PanelBus } from './events';
import { Observable, type Readable } from './observable';

/** What the last import did, for the view to put in words. */
export type ImportOutcome =
  { kind: 'imported'; added: number; skipped: number } | { kind: 'too-large' } | { kind: 'refused'; reason: string };

export interface HistoryState {
  query: string;
  /** Null until first read. */
  threads: ChatThreadRecord[] | null;
  lastImport: ImportOutcome | null;
}

export class ChatHistory {
  private readonly current = new Observable<HistoryState>({ query: '', threads: null, lastImport: null });
  private reads = 0;
  private readonly unlisten: (() => void)[] = [];

  constructor(
    private readonly db: EdgewiseDatabase,
    private readonly bus: PanelBus,
  ) {}

  get state(): Readable<HistoryState> {
    return this.current;
  }

  start(): void {
    this.unlisten.push(this.bus.on('threadSaved', () => void this.refresh()));
    void this.refresh();
  }

  close(): void {
    for (const stop of this.unlisten.splice(0)) stop();
  }

  search(query: string): void {
    this.update({ query });
    void this.refresh();
  }

  async remove(threadId: string): Promise<void> {
    await deleteThread(this.db, threadId);
    this.bus.emit('threadsDeleted', { threadId });
    await this.refresh();
  }

  async clear(): Promise<void> {
    await clearThreads(this.db);
    this.bus.emit('threadsDeleted', { threadId: null });
    await this.refresh();
  }

  /** Every thread as an export file's text. */
  async exportAll(now = new Date()): Promise<string> {
    return exportJson(await allThreads(this.db), now);
  }

  /** Imports a chosen file: all or nothing; a bad or huge file is refused with the reason. */
  async importFile(file: Pick<Blob, 'size' | 'text'>): Promise<void> {
    // Refused before reading: a huge file would be read whole into memory first.
    if (file.size > MAX_IMPORT_CHARACTERS * 4) return this.update({ lastImport: { kind: 'too-large' } });
    try {
      const result = await importThreads(this.db, await file.text());
      this.update({ lastImport: { kind: 'imported', ...result } });
    } catch (error) {
      this.update({ lastImport: { kind: 'refused', reason: error instanceof Error ? error.message : String(error) } });
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const read = ++this.reads;
    const { query } = this.current.value;
    const threads = query.trim() ? await searchThreads(this.db, query) : await listThreads(this.db);
    if (read === this.reads) this.update({ threads });
  }

  private update(change: Partial<HistoryState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}
