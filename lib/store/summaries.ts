/** Typed access to stored summaries (history and the "unchanged page" cache). */
import type { EdgewiseDatabase, SummaryRecord } from './schema';

export type SummaryKey = Pick<SummaryRecord, 'url' | 'contentHash' | 'modelId' | 'mode'>;

/** The newest complete summary of exactly this content with this model, if any. */
export async function findStoredSummary(db: EdgewiseDatabase, key: SummaryKey): Promise<SummaryRecord | undefined> {
  const matches = await db.summaries
    .where('[url+contentHash+modelId+mode]')
    .equals([key.url, key.contentHash, key.modelId, key.mode])
    .filter((summary) => summary.complete)
    .sortBy('createdAt');
  return matches.at(-1);
}

/** Saves a summary; returns its id. */
export function saveSummary(db: EdgewiseDatabase, summary: Omit<SummaryRecord, 'id'>): Promise<number> {
  return db.summaries.add(summary) as Promise<number>;
}

/** History, newest first. */
export function listSummaries(db: EdgewiseDatabase, limit = 200): Promise<SummaryRecord[]> {
  return db.summaries.orderBy('createdAt').reverse().limit(limit).toArray();
}

export async function deleteSummary(db: EdgewiseDatabase, id: number): Promise<void> {
  await db.summaries.delete(id);
}

export async function clearSummaries(db: EdgewiseDatabase): Promise<void> {
  await db.summaries.clear();
}
