/**
 * What page memory may keep (issue 12): the pages used with Edgewise (on by default), the
 * pages read (opt-in, after a dwell time, on allowed sites), a pause, a size cap and a
 * retention period. Part of the one settings record, so every context hears a change.
 */
import { i18n } from '@/lib/i18n';
import { SettingsError } from './errors';
import { flag, siteList, whole } from './checks';

/** Which sites "Also remember pages I read" applies to: every site but the denied ones, or only the allowed ones. */
export type ReadSites = 'all' | 'allowed';

export interface MemorySettings {
  /** "Remember pages I use with Edgewise": pages summarized or chatted about. */
  rememberUsed: boolean;
  /** "Also remember pages I read": pages kept in the foreground for {@link readAfterSeconds}. */
  rememberRead: boolean;
  readAfterSeconds: number;
  readSites: ReadSites;
  /** Hostnames; a site covers its subdomains. Only used when `readSites` is `allowed`. */
  allowedSites: string[];
  /** Hostnames never remembered, used or read ("Don't remember this site"). */
  deniedSites: string[];
  /** Nothing is remembered before this time (ms since the epoch); 0 = not paused. */
  memoryPausedUntil: number;
  /** Page memory's size cap; the oldest pages go first when it is reached. */
  memoryCapMB: number;
  /** Pages not visited for this many days are forgotten. */
  memoryRetentionDays: number;
}

/** "Paused until turned back on": far beyond any real date, and still a finite number JSON keeps. */
export const PAUSED_UNTIL_RESUMED = Number.MAX_SAFE_INTEGER;

export const DEFAULT_MEMORY_SETTINGS: Readonly<MemorySettings> = {
  rememberUsed: true,
  rememberRead: false,
  readAfterSeconds: 20,
  readSites: 'all',
  allowedSites: [],
  deniedSites: [],
  memoryPausedUntil: 0,
  memoryCapMB: 200,
  memoryRetentionDays: 90,
};

/** A check per memory setting: returns the clean value or throws a {@link SettingsError}. */
export const MEMORY_RULES: { [K in keyof MemorySettings]: (value: MemorySettings[K]) => MemorySettings[K] } = {
  rememberUsed: (value) => flag(value),
  rememberRead: (value) => flag(value),
  // The background worker may stop 30 s after the last event, taking a longer timer with it.
  readAfterSeconds: (value) => whole(value, 5, 25, i18n.t('settingsErrors.readAfter')),
  readSites: (value) => {
    if (value !== 'all' && value !== 'allowed') throw new SettingsError(i18n.t('settingsErrors.readSites'));
    return value;
  },
  allowedSites: (value) => siteList(value),
  deniedSites: (value) => siteList(value),
  memoryPausedUntil: (value) => whole(value, 0, PAUSED_UNTIL_RESUMED, i18n.t('settingsErrors.pause')),
  memoryCapMB: (value) => whole(value, 1, 100_000, i18n.t('settingsErrors.memoryCap')),
  memoryRetentionDays: (value) => whole(value, 1, 36_500, i18n.t('settingsErrors.retention')),
};
