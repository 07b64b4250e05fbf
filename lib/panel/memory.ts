/**
 * Page memory as the panel shows it, UI-free: the remembered pages (newest first, or the
 * ones matching a search), their size, the pause, and every way to forget. It is also how
 * the panel's features remember a page they used; the rules decide, and the last decision
 * is kept so the view can say why a page was not remembered.
 */
import type { ExtractedPage } from '@/lib/extract';
import {
  forgetPage,
  forgetSince,
  forgetSite,
  listMemory,
  rememberPage,
  searchMemory,
  type NotRemembered,
  type RecalledPage,
} from '@/lib/memory';
import { PAUSED_UNTIL_RESUMED, loadSettings, onSites, saveSettings, siteOf, watchChanges } from '@/lib/settings';
import type { EdgewiseDatabase, MemoryPageRecord } from '@/lib/store';
import { Observable, type Readable } from './observable';

/** "Delete pages from the last …". */
export type ForgetRange = 'hour' | 'day' | 'week' | 'all';

const RANGE_MS: Record<ForgetRange, number> = {
  hour: 60 * 60 * 1000,
  day: 24 * 60 * 60 * 1000,
  week: 7 * 24 * 60 * 60 * 1000,
  all: Infinity,
};

export interface MemoryState {
  /** Null until first read. */
  pages: MemoryPageRecord[] | null;
  query: string;
  /** Pages matching `query` with the parts that matched; null when there is no query. */
  results: RecalledPage[] | null;
  bytes: number;
  /** The last page a feature used that was not remembered, and why. */
  skipped: { url: string; reason: NotRemembered } | null;
}

export interface PageMemoryDeps {
  db: EdgewiseDatabase;
  now?(): number;
}

export class PageMemory {
  private readonly current = new Observable<MemoryState>({
    pages: null,
    query: '',
    results: null,
    bytes: 0,
    skipped: null,
  });
  private reads = 0;
  private stopWatching: (() => void) | null = null;

  constructor(private readonly deps: PageMemoryDeps) {}

  get state(): Readable<MemoryState> {
    return this.current;
  }

  start(): void {
    // The background remembers pages read while the panel is open; its writes are announced.
    this.stopWatching = watchChanges('memory', () => void this.refresh());
    void this.refresh();
  }

  close(): void {
    this.stopWatching?.();
  }

  /** A page a feature sent to the model: remembered if the rules allow, else the reason is kept. */
  async remember(page: ExtractedPage): Promise<void> {
    const result = await rememberPage(this.deps.db, page, 'used', this.now());
    this.update({ skipped: 'skipped' in result ? { url: page.url, reason: result.skipped } : null });
    await this.refresh();
  }

  search(query: string): void {
    this.update({ query });
    void this.refresh();
  }

  async forgetPage(pageId: number): Promise<void> {
    await forgetPage(this.deps.db, pageId);
    await this.refresh();
  }

  async forgetSite(site: string): Promise<void> {
    await forgetSite(this.deps.db, site);
    await this.refresh();
  }

  /** Forgets the pages visited in the last hour, day or week, or all of them. */
  async forgetRange(range: ForgetRange): Promise<void> {
    await forgetSince(this.deps.db, range === 'all' ? 0 : this.now() - RANGE_MS[range]);
    await this.refresh();
  }

  /**
   * "Don't remember this site": the site joins the deny list, and what is remembered of it
   * is forgotten, so the list and the promise agree.
   */
  async denySite(url: string): Promise<void> {
    const site = siteOf(url);
    if (!site) return;
    // The list as stored now, not as a view last drew it: another page may have changed it.
    const { deniedSites } = await loadSettings(this.deps.db);
    if (!onSites(url, deniedSites)) await saveSettings(this.deps.db, { deniedSites: [...deniedSites, site] });
    await this.forgetSite(site);
  }

  /** Pauses remembering for `ms` milliseconds, or until resumed when `ms` is null. */
  async pause(ms: number | null): Promise<void> {
    const until = ms === null ? PAUSED_UNTIL_RESUMED : this.now() + ms;
    await saveSettings(this.deps.db, { memoryPausedUntil: until });
  }

  async resume(): Promise<void> {
    await saveSettings(this.deps.db, { memoryPausedUntil: 0 });
  }

  /** Reads the list (or the search) again; a newer read wins over one still running. */
  async refresh(): Promise<void> {
    const read = ++this.reads;
    const { db } = this.deps;
    const { query } = this.current.value;
    const [pages, results] = await Promise.all([
      listMemory(db, Infinity),
      query.trim() ? searchMemory(db, query, { maxParts: 30 }) : Promise.resolve(null),
    ]);
    if (read !== this.reads) return;
    this.update({ pages, results, bytes: pages.reduce((sum, page) => sum + page.bytes, 0) });
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private update(change: Partial<MemoryState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}
