/**
 * Chat history as a JSON file the user can keep or move to another browser profile.
 * Import is all or nothing: a file with any problem writes nothing.
 */
import type { ChatThreadRecord, EdgewiseDatabase } from '@/lib/store';
import { ImportError, checkThread, copyThread, expectObject, fail } from './export-schema';
import { i18n } from '@/lib/i18n';

export { ImportError } from './export-schema';

/** Marks a file as ours, so an unrelated JSON file is refused with a clear message. */
export const EXPORT_FORMAT = 'edgewise-chats';
/** Raised only when the file layout changes incompatibly; older files stay importable. */
export const EXPORT_VERSION = 1;
/** Far above any real history (≈ 50 MB), low enough that parsing cannot exhaust the page's memory. */
export const MAX_IMPORT_CHARACTERS = 50_000_000;

/** The file layout; {@link parseExport} checks a file against it. */
export interface ChatExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  threads: ChatThreadRecord[];
}

/** What {@link importThreads} did. */
export interface ImportResult {
  added: number;
  /** Threads whose id is already stored; the stored one is kept as is. */
  skipped: number;
}

/** The export of `threads`, copied to their known fields so the file always imports back. */
export function buildExport(threads: ChatThreadRecord[], now: Date): ChatExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    threads: threads.map(copyThread),
  };
}

/** {@link buildExport} as indented JSON, readable if the user opens the file. */
export function exportJson(threads: ChatThreadRecord[], now: Date): string {
  return JSON.stringify(buildExport(threads, now), null, 2);
}

/**
 * Reads an Edgewise export file and checks its envelope: size, JSON, `format`, `version`
 * (a newer one is refused by name), only `keys` at the top, and `exportedAt` a date.
 * Returns the top-level object for the caller to check the rest. Shared by every export.
 * @throws {ImportError} with a message naming the problem.
 */
export function parseEnvelope(
  json: string,
  format: string,
  version: number,
  keys: readonly string[],
  { maxCharacters = MAX_IMPORT_CHARACTERS, wrongFormat = i18n.t('importErrors.notExport') } = {},
): Record<string, unknown> {
  if (json.length > maxCharacters) {
    throw new ImportError(i18n.t('importErrors.tooLarge', [Math.round(maxCharacters / 1e6)]));
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ImportError(i18n.t('importErrors.notJson', [error instanceof Error ? error.message : String(error)]));
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('format' in data)) {
    throw new ImportError(wrongFormat);
  }
  if (data.format !== format) throw new ImportError(wrongFormat);
  // The version is checked before the other fields: a newer file may legitimately have a different layout.
  const found = 'version' in data ? data.version : undefined;
  if (typeof found === 'number' && Number.isInteger(found) && found > version) {
    throw new ImportError(i18n.t('importErrors.newerVersion', [found]));
  }
  if (found !== version) throw new ImportError(i18n.t('importErrors.noVersion'));
  const where = i18n.t('importErrors.where.export');
  const file = expectObject(data, ['format', 'version', 'exportedAt', ...keys], where);
  if (typeof file.exportedAt !== 'string' || !Number.isFinite(Date.parse(file.exportedAt))) {
    fail(where, 'exportedAt', i18n.t('importErrors.rule.date'));
  }
  return file;
}

/**
 * Reads and checks an export file; returns deep copies of its threads.
 * @throws {ImportError} with a message naming the problem and where it is.
 */
export function parseExport(json: string): ChatThreadRecord[] {
  const where = i18n.t('importErrors.where.export');
  const file = parseEnvelope(json, EXPORT_FORMAT, EXPORT_VERSION, ['threads']);
  if (!Array.isArray(file.threads)) fail(where, 'threads', i18n.t('importErrors.rule.list'));
  const seen = new Map<string, number>();
  return file.threads.map((thread: unknown, i) => {
    checkThread(thread, i + 1);
    const first = seen.get(thread.id);
    if (first !== undefined) {
      throw new ImportError(i18n.t('importErrors.duplicateId', [i + 1, thread.id, first]));
    }
    seen.set(thread.id, i + 1);
    return copyThread(thread);
  });
}

/**
 * Adds the threads of an export file to the history. Threads already stored (same id)
 * are skipped, never overwritten, so importing an old backup cannot undo newer messages.
 * @throws {ImportError} before writing anything when the file has any problem.
 */
export async function importThreads(db: EdgewiseDatabase, json: string): Promise<ImportResult> {
  const threads = parseExport(json);
  // One transaction: the existence check and the adds see the same state, and a failure adds nothing.
  return db.transaction('rw', db.chatThreads, async () => {
    const existing = await db.chatThreads.bulkGet(threads.map((thread) => thread.id));
    const fresh = threads.filter((_, i) => existing[i] === undefined);
    await db.chatThreads.bulkAdd(fresh);
    return { added: fresh.length, skipped: threads.length - fresh.length };
  });
}
