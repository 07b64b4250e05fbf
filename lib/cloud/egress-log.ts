/**
 * The egress log (issue 14): one row per cloud request, written *before* the request is
 * sent, so nothing leaves that is not in it, then completed with what came back.
 */
import { announceChange } from '@/lib/settings';
import type { EdgewiseDatabase, EgressRecord } from '@/lib/store';

export type { EgressRecord };

/** Rows kept: the oldest go past this, so the log cannot grow without end. */
export const EGRESS_LOG_LIMIT = 5000;

/** Adds a row for a request about to be sent; returns its id. Throws (and nothing is sent) if it cannot be written. */
export async function logEgress(db: EdgewiseDatabase, record: Omit<EgressRecord, 'id'>): Promise<number> {
  return db
    .transaction('rw', db.egress, async () => {
      const id = (await db.egress.add(record)) as number;
      const extra = (await db.egress.count()) - EGRESS_LOG_LIMIT;
      if (extra > 0) await db.egress.orderBy('at').limit(extra).delete();
      return id;
    })
    .finally(() => announceChange('egress'));
}

/** Completes a row with the outcome. */
export async function finishEgress(db: EdgewiseDatabase, id: number, change: Partial<EgressRecord>): Promise<void> {
  await db.egress.update(id, change);
  announceChange('egress');
}

/** Every row, newest first. */
export async function listEgress(db: EdgewiseDatabase): Promise<EgressRecord[]> {
  return (await db.egress.orderBy('at').reverse().toArray()) as EgressRecord[];
}

export async function clearEgress(db: EdgewiseDatabase): Promise<void> {
  await db.egress.clear();
  announceChange('egress');
}

/** The log as a JSON file's text, for "Export". */
export function egressExport(rows: readonly EgressRecord[], now = Date.now()): string {
  return JSON.stringify(
    { format: 'edgewise-egress-log', version: 1, exportedAt: new Date(now).toISOString(), rows },
    null,
    2,
  );
}
