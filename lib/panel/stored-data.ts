/**
 * "What's stored" (issue 12): every kind of data Edgewise keeps on this device, with how
 * many and how much, and a way to delete each or all of it; plus the private context's
 * export and import. UI-free: the Data view renders `state`.
 */
import { ImportError } from '@/lib/chat';
import { i18n } from '@/lib/i18n';
import {
  MAX_CONTEXT_CHARACTERS,
  exportContext,
  forgetSince,
  importContext,
  type ContextImportResult,
} from '@/lib/memory';
import { clearEgress, forgetApiKey } from '@/lib/cloud';
import { resetSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import type { StorageUse } from './models';
import { Observable, type Readable } from './observable';

/** The kinds of data, in the order the view lists them. */
export const STORED_KINDS = ['models', 'summaries', 'chats', 'profiles', 'memory', 'cloud', 'settings'] as const;
export type StoredKind = (typeof STORED_KINDS)[number];

/** One kind's count and size. Sizes of records are their JSON length in UTF-16, a close stand-in for disk use. */
export interface StoredKindUse {
  kind: StoredKind;
  count: number;
  bytes: number;
}

/** What the last import or wipe did, for the view to put in words. */
export type StoredOutcome =
  | { kind: 'imported'; result: ContextImportResult }
  | { kind: 'refused'; reason: string }
  | { kind: 'wiped'; before: number | null; after: number | null; failed: StoredKind[] };

/**
 * The order of a wipe: private data first, so a failure with model files never leaves a
 * profile behind. `cloud` (the egress log and the API key) goes even when settings are kept:
 * a key is a secret, not a preference.
 */
const WIPE_ORDER: readonly StoredKind[] = ['profiles', 'cloud', 'memory', 'chats', 'summaries', 'settings', 'models'];

export interface StoredState {
  /** Null until first read. */
  kinds: StoredKindUse[] | null;
  storage: StorageUse | null;
  outcome: StoredOutcome | null;
  busy: boolean;
}

export interface StoredDataDeps {
  db: EdgewiseDatabase;
  /** Deletes a model's files through the engine (it unloads the model first). */
  removeModel(modelId: string): Promise<void>;
  /** Deletes kinds whose lists other services hold, so those lists follow. */
  clear: Record<'chats' | 'summaries', () => Promise<void>>;
  /** Profiles changed behind the profile view (deleted or imported): it reads them again. */
  profilesChanged(): void;
  /** Stops answers and summaries being written, so none saves after a wipe. */
  stopWork(): void;
  estimateStorage(): Promise<StorageEstimate>;
}

const jsonBytes = (rows: unknown[]) => rows.reduce<number>((sum, row) => sum + 2 * JSON.stringify(row).length, 0);

export class StoredData {
  private readonly current = new Observable<StoredState>({ kinds: null, storage: null, outcome: null, busy: false });

  constructor(private readonly deps: StoredDataDeps) {}

  get state(): Readable<StoredState> {
    return this.current;
  }

  /** Counts everything again, and the browser's storage estimate. */
  async refresh(): Promise<void> {
    const { db } = this.deps;
    const [files, summaries, threads, profiles, pages, egress, secrets, settings, storage] = await Promise.all([
      db.modelFiles.toArray(),
      db.summaries.toArray(),
      db.chatThreads.toArray(),
      db.profiles.toArray(),
      db.memoryPages.toArray(),
      db.egress.toArray(),
      db.secrets.count(),
      db.settings.toArray(),
      this.estimate(),
    ]);
    const kinds: StoredKindUse[] = [
      {
        kind: 'models',
        count: new Set(files.map((file) => file.modelId)).size,
        bytes: files.reduce((sum, file) => sum + file.size, 0),
      },
      { kind: 'summaries', count: summaries.length, bytes: jsonBytes(summaries) },
      { kind: 'chats', count: threads.length, bytes: jsonBytes(threads) },
      { kind: 'profiles', count: profiles.length, bytes: jsonBytes(profiles) },
      { kind: 'memory', count: pages.length, bytes: pages.reduce((sum, page) => sum + page.bytes, 0) },
      // The log's rows and the key; the key's size is not shown (nor anything else of it).
      { kind: 'cloud', count: egress.length + secrets, bytes: jsonBytes(egress) },
      { kind: 'settings', count: settings.length, bytes: jsonBytes(settings) },
    ];
    this.update({ kinds, storage });
  }

  /** Deletes every record of one kind. */
  async remove(kind: StoredKind): Promise<void> {
    this.update({ busy: true });
    try {
      await this.clearKind(kind);
    } finally {
      this.update({ busy: false });
      await this.refresh();
    }
  }

  /**
   * Deletes everything Edgewise stores, except the settings when `keepSettings`; says how
   * the browser's storage estimate changed, and which kinds (if any) could not be deleted:
   * one failing kind does not stop the others.
   */
  async removeEverything(keepSettings: boolean): Promise<void> {
    this.update({ busy: true, outcome: null });
    this.deps.stopWork();
    const before = (await this.estimate())?.usage ?? null;
    const failed: StoredKind[] = [];
    for (const kind of WIPE_ORDER) {
      if (kind === 'settings' && keepSettings) continue;
      await this.clearKind(kind).catch(() => failed.push(kind));
    }
    const after = (await this.estimate())?.usage ?? null;
    this.update({ busy: false, outcome: { kind: 'wiped', before, after, failed } });
    await this.refresh();
  }

  /** Profiles and page memory as an export file's text. */
  exportContext(now = new Date()): Promise<string> {
    return exportContext(this.deps.db, now);
  }

  /** Imports a chosen file: all or nothing; a bad or huge file is refused with the reason. */
  async importFile(file: Pick<Blob, 'size' | 'text'>): Promise<void> {
    try {
      // Refused before reading: a huge file would be read whole into memory first.
      if (file.size > MAX_CONTEXT_CHARACTERS * 4) {
        throw new ImportError(i18n.t('importErrors.tooLarge', [Math.round(MAX_CONTEXT_CHARACTERS / 1e6)]));
      }
      const result = await importContext(this.deps.db, await file.text());
      this.update({ outcome: { kind: 'imported', result } });
      this.deps.profilesChanged();
    } catch (error) {
      this.update({ outcome: { kind: 'refused', reason: error instanceof Error ? error.message : String(error) } });
    }
    await this.refresh();
  }

  private async clearKind(kind: StoredKind): Promise<void> {
    const { db } = this.deps;
    switch (kind) {
      case 'models': {
        const ids = new Set((await db.modelFiles.toArray()).map((file) => file.modelId));
        // Through the engine first, so a loaded model is unloaded; if it cannot (it is not
        // connected), the files go anyway below, as does what a cut-off download left.
        for (const id of ids) await this.deps.removeModel(id).catch(() => undefined);
        await db.transaction('rw', db.modelFiles, db.modelChunks, db.modelDownloads, async () => {
          await Promise.all([db.modelFiles.clear(), db.modelChunks.clear(), db.modelDownloads.clear()]);
        });
        return;
      }
      case 'memory':
        await forgetSince(db, 0);
        return;
      case 'profiles':
        await db.profiles.clear();
        this.deps.profilesChanged();
        return;
      case 'settings':
        await resetSettings(db);
        return;
      case 'cloud':
        await forgetApiKey(db);
        await clearEgress(db);
        return;
      default:
        await this.deps.clear[kind]();
    }
  }

  private async estimate(): Promise<StorageUse | null> {
    try {
      const { usage, quota } = await this.deps.estimateStorage();
      return quota === undefined ? null : { usage: usage ?? 0, quota };
    } catch {
      return null;
    }
  }

  private update(change: Partial<StoredState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}
