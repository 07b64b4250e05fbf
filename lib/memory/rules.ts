/**
 * The never-remember rules of page memory (issue 12), in one pure function both the side
 * panel (pages used) and the background (pages read) go through. Modelled on Chrome's
 * history embeddings and Windows Recall: nothing from private windows, per-site filters,
 * a pause, and no page that asks for a secret.
 */
import { onSites, type MemorySettings } from '@/lib/settings';
import type { MemoryReason } from '@/lib/store';

/** Why a page was not remembered; each has a message in `memory.skipped`. */
export type NotRemembered =
  'incognito' | 'scheme' | 'paused' | 'off' | 'denied' | 'notAllowed' | 'secretFields' | 'empty';

/** What the rules look at: where the page is, what it asks for, and whether it has text. */
export interface MemoryCandidate {
  url: string;
  text: string;
  secretFields: boolean;
  /** A tab of a private window (Edgewise is not allowed there, but the rule holds anyway). */
  incognito?: boolean;
}

/** Null when `candidate` may be remembered for `reason` now, else the first rule that keeps it out. */
export function whyNotRemember(
  candidate: MemoryCandidate,
  reason: MemoryReason,
  settings: MemorySettings,
  now: number,
): NotRemembered | null {
  if (candidate.incognito) return 'incognito';
  if (!/^https?:$/.test(URL.canParse(candidate.url) ? new URL(candidate.url).protocol : '')) return 'scheme';
  if (settings.memoryPausedUntil > now) return 'paused';
  if (!(reason === 'used' ? settings.rememberUsed : settings.rememberRead)) return 'off';
  if (onSites(candidate.url, settings.deniedSites)) return 'denied';
  if (reason === 'read' && settings.readSites === 'allowed' && !onSites(candidate.url, settings.allowedSites)) {
    return 'notAllowed';
  }
  if (candidate.secretFields) return 'secretFields';
  if (!candidate.text.trim()) return 'empty';
  return null;
}
