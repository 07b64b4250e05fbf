/**
 * The private context as one JSON file (issue 12): profiles and page memory, to keep or to
 * move to another browser profile. Import has the chat import's strictness: a file with
 * any problem is refused with a message saying where, and nothing is written.
 */
import { ImportError, expectObject, fail, parseEnvelope, threadUrl } from '@/lib/chat';
import { i18n } from '@/lib/i18n';
import { checkProfiles, importProfiles, profilesForExport, type ProfileImportResult } from '@/lib/profile';
import { announceChange, loadSettings, onSites } from '@/lib/settings';
import type { EdgewiseDatabase, MemoryReason, ProfileRecord } from '@/lib/store';
import { capBytes, retentionStart } from './limits';
import { listMemory, memoryText, preparePage, putPage, type PreparedPage } from './store';

/** Marks a file as Edgewise's private context, so another JSON file is refused by name. */
export const CONTEXT_FORMAT = 'edgewise-private-context';
export const CONTEXT_VERSION = 1;
/**
 * Room for a full page memory at its largest default cap (200 MB is about 100 million
 * characters) and the profiles: an export always imports back.
 */
export const MAX_CONTEXT_CHARACTERS = 150_000_000;

/** A remembered page in the file: its text whole (parts and terms are rebuilt on import). */
export interface ExportedPage {
  url: string;
  title: string;
  lang: string;
  reason: MemoryReason;
  visitedAt: number;
  text: string;
}

/** The file layout. */
export interface ContextFile {
  format: typeof CONTEXT_FORMAT;
  version: typeof CONTEXT_VERSION;
  exportedAt: string;
  profiles: ProfileRecord[];
  pages: ExportedPage[];
}

/** What an import did. */
export interface ContextImportResult {
  profiles: ProfileImportResult;
  pagesAdded: number;
  /** Pages already remembered (same address), or from a site now never remembered. */
  pagesSkipped: number;
}

/** Every profile and remembered page as indented JSON. */
export async function exportContext(db: EdgewiseDatabase, now = new Date()): Promise<string> {
  const pages = await Promise.all(
    (await listMemory(db, Infinity)).map(async (page): Promise<ExportedPage> => ({
      url: page.url,
      title: page.title,
      lang: page.lang,
      reason: page.reason,
      visitedAt: page.visitedAt,
      text: await memoryText(db, page.id!),
    })),
  );
  const file: ContextFile = {
    format: CONTEXT_FORMAT,
    version: CONTEXT_VERSION,
    exportedAt: now.toISOString(),
    profiles: await profilesForExport(db),
    pages,
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Checks a whole file; returns its profiles and pages.
 * @throws {ImportError} naming the problem and where it is, before anything is written.
 */
export function parseContext(json: string): { profiles: ProfileRecord[]; pages: ExportedPage[] } {
  const file = parseEnvelope(json, CONTEXT_FORMAT, CONTEXT_VERSION, ['profiles', 'pages'], {
    maxCharacters: MAX_CONTEXT_CHARACTERS,
    wrongFormat: i18n.t('importErrors.notContext'),
  });
  const where = i18n.t('importErrors.where.export');
  if (!Array.isArray(file.pages)) fail(where, 'pages', i18n.t('importErrors.rule.list'));
  const pages = file.pages.map((value: unknown, i) => checkPage(value, i + 1));
  return { profiles: checkProfiles(file.profiles), pages };
}

function checkPage(value: unknown, position: number): ExportedPage {
  const where = i18n.t('importErrors.where.memoryPage', [position]);
  const page = expectObject(value, ['url', 'title', 'lang', 'reason', 'visitedAt', 'text'], where);
  const { url, title, lang, reason, visitedAt, text } = page;
  if (typeof url !== 'string' || !/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
    fail(where, 'url', i18n.t('importErrors.rule.webAddress'));
  }
  if (typeof title !== 'string') fail(where, 'title', i18n.t('importErrors.rule.text'));
  if (typeof lang !== 'string') fail(where, 'lang', i18n.t('importErrors.rule.text'));
  if (reason !== 'used' && reason !== 'read') {
    fail(where, 'reason', i18n.t('importErrors.rule.oneOf', [i18n.t('importErrors.rule.or', ['used', 'read'])]));
  }
  if (typeof visitedAt !== 'number' || !Number.isFinite(visitedAt) || visitedAt < 0) {
    fail(where, 'visitedAt', i18n.t('importErrors.rule.number'));
  }
  if (typeof text !== 'string' || !text.trim()) fail(where, 'text', i18n.t('importErrors.rule.text'));
  return { url, title, lang, reason, visitedAt, text };
}

/**
 * Imports a file, all or nothing: profiles as {@link importProfiles} adds them (never
 * overwriting), and pages not remembered yet, not from a site now denied and not older
 * than the retention period. A file whose pages would push memory over its size cap is
 * refused rather than evicting pages already here.
 * @throws {ImportError} when the file has any problem, before anything is written.
 */
export async function importContext(
  db: EdgewiseDatabase,
  json: string,
  now = Date.now(),
): Promise<ContextImportResult> {
  const { profiles, pages } = parseContext(json);
  const settings = await loadSettings(db);
  const stored = await listMemory(db, Infinity);
  const known = new Set(stored.map((page) => page.url));
  const fresh: ExportedPage[] = [];
  for (const page of pages) {
    // Addresses as memory keeps them (no fragment), so a page is never imported twice or over itself.
    const url = threadUrl(page.url);
    if (known.has(url) || onSites(url, settings.deniedSites) || page.visitedAt < retentionStart(settings, now))
      continue;
    known.add(url);
    fresh.push({ ...page, url });
  }
  const prepared: PreparedPage[] = [];
  for (const page of fresh) prepared.push(await preparePage(page));
  const total = [...stored, ...prepared].reduce((sum, page) => sum + page.bytes, 0);
  if (total > capBytes(settings)) throw new ImportError(i18n.t('importErrors.overCap', [settings.memoryCapMB]));
  // One transaction: a failure (a full disk) leaves neither profiles nor pages half imported.
  const profileResult = await db.transaction('rw', db.profiles, db.memoryPages, db.memoryParts, async () => {
    const result = await importProfiles(db, profiles);
    for (const [i, page] of prepared.entries()) await putPage(db, page, fresh[i]!.reason, fresh[i]!.visitedAt);
    return result;
  });
  announceChange('memory');
  return { profiles: profileResult, pagesAdded: fresh.length, pagesSkipped: pages.length - fresh.length };
}
