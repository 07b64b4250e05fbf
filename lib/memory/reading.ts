/**
 * "Also remember pages I read" (issue 12, opt-in): a page kept in the foreground — the
 * active tab of the focused window — for the dwell time is remembered, on the sites the
 * settings allow. Runs in the background service worker, which sees every tab's events.
 *
 * The dwell is a plain timer: the worker stays alive at least 30 s after an event
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle),
 * which is why the setting stops at 25 s.
 */
import type { WxtBrowser } from 'wxt/browser';
import { threadUrl } from '@/lib/chat';
import type { ExtractedPage } from '@/lib/extract';
import { loadSettings, watchChanges } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { whyNotRemember } from './rules';
import { rememberPage } from './store';

/** The browser APIs the watcher needs, as WXT types them. */
export type ReadingApis = Pick<WxtBrowser, 'tabs' | 'windows'>;

export interface ReadingDeps {
  apis: ReadingApis;
  db: EdgewiseDatabase;
  /** Reads a tab's page (the extractor, injected on demand). */
  read(tabId: number): Promise<ExtractedPage>;
  now?(): number;
}

/** The tab being timed: the page must still be the one in front when the time is up. */
interface Watched {
  tabId: number;
  url: string;
  timer: ReturnType<typeof setTimeout>;
}

/** Starts timing the page in front; returns how to stop watching. */
export function watchReading(deps: ReadingDeps): () => void {
  const { apis } = deps;
  const now = () => deps.now?.() ?? Date.now();
  let watched: Watched | null = null;
  /** The page read last: it stays in front, but is not read again until the user moves on. */
  let lastRead: { tabId: number; url: string } | null = null;
  let arming = 0;

  const disarm = () => {
    if (watched) clearTimeout(watched.timer);
    watched = null;
  };

  /** The active tab of the last focused window, if it is a web page. */
  const front = async () => {
    const [tab] = await apis.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id !== undefined && tab.url && /^https?:/.test(tab.url) && !tab.incognito ? tab : null;
  };

  const arm = async () => {
    const attempt = ++arming;
    const [tab, settings] = await Promise.all([front().catch(() => null), loadSettings(deps.db)]);
    if (attempt !== arming) return;
    // The site rules (and the setting itself) are checked before timing, so a denied site is
    // never even read, and switching the setting off stops a timer already running.
    if (!tab) return disarm();
    const probe = { url: tab.url!, text: '-', secretFields: false, incognito: tab.incognito };
    if (whyNotRemember(probe, 'read', settings, now())) return disarm();
    const same = (page: { tabId: number; url: string } | null) =>
      page !== null && page.tabId === tab.id && page.url === threadUrl(tab.url!);
    // The same page still in front keeps its timer: a title change or a reload is not a new visit.
    if (same(watched) || same(lastRead)) return;
    disarm();
    const url = threadUrl(tab.url!);
    const tabId = tab.id!;
    watched = { tabId, url, timer: setTimeout(() => void finish(tabId, url), settings.readAfterSeconds * 1000) };
  };

  const finish = async (tabId: number, url: string) => {
    watched = null;
    const tab = await front().catch(() => null);
    if (tab?.id !== tabId || threadUrl(tab.url!) !== url) return;
    const page = await deps.read(tabId).catch(() => null);
    // The tab may have moved on while it was read: only the page that was timed is kept.
    if (!page || threadUrl(page.url) !== url) return;
    lastRead = { tabId, url };
    await rememberPage(deps.db, { ...page, incognito: tab.incognito }, 'read', now());
  };

  const rearm = () => void arm().catch(() => undefined);
  const onUpdated = (_tabId: number, change: { url?: string; status?: string }) => {
    if (change.url !== undefined || change.status === 'complete') rearm();
  };
  const onFocusChanged = (windowId: number) => {
    // The user left the browser: nothing is in front of them now.
    if (windowId === apis.windows.WINDOW_ID_NONE) {
      arming++;
      disarm();
    } else rearm();
  };
  apis.tabs.onActivated.addListener(rearm);
  apis.tabs.onUpdated.addListener(onUpdated);
  apis.tabs.onRemoved.addListener(rearm);
  apis.windows.onFocusChanged.addListener(onFocusChanged);
  const stopSettings = watchChanges('settings', rearm);
  rearm();
  return () => {
    apis.tabs.onActivated.removeListener(rearm);
    apis.tabs.onUpdated.removeListener(onUpdated);
    apis.tabs.onRemoved.removeListener(rearm);
    apis.windows.onFocusChanged.removeListener(onFocusChanged);
    stopSettings();
    arming++;
    disarm();
  };
}
