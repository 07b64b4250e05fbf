/**
 * Page memory's retention period and size cap: pages not visited within the period go,
 * then the oldest pages until memory fits the cap (issue 12: default 90 days, 200 MB).
 */
import type { MemorySettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';

const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

/** The oldest visit time retention keeps. */
export function retentionStart(settings: Pick<MemorySettings, 'memoryRetentionDays'>, now: number): number {
  return now - settings.memoryRetentionDays * DAY_MS;
}

/** The size cap in bytes. */
export function capBytes(settings: Pick<MemorySettings, 'memoryCapMB'>): number {
  return settings.memoryCapMB * MB;
}

/** What {@link enforceLimits} removed. */
export interface Evicted {
  expired: number;
  overCap: number;
}

/** Applies retention, then evicts oldest-first while the pages' bytes exceed the cap. */
export async function enforceLimits(
  db: EdgewiseDatabase,
  settings: Pick<MemorySettings, 'memoryCapMB' | 'memoryRetentionDays'>,
  now = Date.now(),
): Promise<Evicted> {
  return db.transaction('rw', db.memoryPages, db.memoryParts, async () => {
    const oldestKept = retentionStart(settings, now);
    const pages = await db.memoryPages.orderBy('visitedAt').toArray();
    const expired = pages.filter((page) => page.visitedAt < oldestKept);
    const kept = pages.slice(expired.length);
    let total = kept.reduce((sum, page) => sum + page.bytes, 0);
    const overCap = [];
    for (const page of kept) {
      if (total <= capBytes(settings)) break;
      overCap.push(page);
      total -= page.bytes;
    }
    const ids = [...expired, ...overCap].map((page) => page.id!);
    await db.memoryParts.where('pageId').anyOf(ids).delete();
    await db.memoryPages.bulkDelete(ids);
    return { expired: expired.length, overCap: overCap.length };
  });
}
