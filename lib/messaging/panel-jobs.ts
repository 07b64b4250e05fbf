/**
 * Hand-off of "summarize" requests from the background (menu, shortcut) to the side
 * panel. The background may be stopped, and the panel may still be opening, so the job
 * is parked in `storage.session` (memory-only, cleared with the browser session) and the
 * panel takes it when it is ready.
 */
import type { Browser } from 'wxt/browser';
import type { SourceMode } from '@/lib/extract';
import { isRecord } from './comlink-wire';

export interface SummarizeJob {
  id: string;
  tabId: number;
  mode: SourceMode;
  createdAt: number;
}

export const JOB_KEY = 'edgewise:summarize-job';
/** A job older than this was never picked up (the panel failed to open); ignore it. */
const JOB_TTL_MS = 60_000;

/** The slice of `storage.session` that job hand-off and tab bindings use, as WXT types it. */
export type SessionStorage = Pick<Browser.storage.SessionStorageArea, 'get' | 'set' | 'remove'>;

export function isSummarizeJob(value: unknown): value is SummarizeJob {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.tabId === 'number' &&
    (value.mode === 'page' || value.mode === 'selection') &&
    typeof value.createdAt === 'number'
  );
}

export async function postJob(storage: SessionStorage, job: SummarizeJob): Promise<void> {
  await storage.set({ [JOB_KEY]: job });
}

/** Takes the parked job, if a fresh one is there; it is removed so it runs once. */
export async function takeJob(storage: SessionStorage, now = Date.now()): Promise<SummarizeJob | null> {
  const job = (await storage.get(JOB_KEY))[JOB_KEY];
  if (!isSummarizeJob(job)) return null;
  await storage.remove(JOB_KEY);
  return now - job.createdAt <= JOB_TTL_MS ? job : null;
}
