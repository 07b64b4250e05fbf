/**
 * The tabs the panel is about, wired once for every feature: the active tab of the
 * panel's window (followed as the user switches tabs or navigates), and events when a
 * tab closes or goes to another URL. Extension pages (the panel itself, opened in a tab)
 * are skipped, so the panel stays on the page it was showing.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';
import type { PanelBus } from './events';
import { Observable, type Readable } from './observable';

/** What the panel knows of a tab. */
export interface TabPage {
  tabId: number;
  /** '' when Chrome does not show it to us (browser pages). */
  url: string;
  title: string;
}

export type PanelTabs = Pick<WxtBrowser['tabs'], 'query' | 'get' | 'onActivated' | 'onUpdated' | 'onRemoved'>;
export type PanelWindows = Pick<WxtBrowser['windows'], 'getCurrent'>;

export interface TabWatcherDeps {
  tabs: PanelTabs;
  windows: PanelWindows;
  /** This extension's origin with a trailing slash (`runtime.getURL('/')`). */
  ownOrigin: string;
  bus: PanelBus;
}

export class TabWatcher {
  private readonly current = new Observable<TabPage | null>(null);
  private windowId: number | undefined;
  private readonly unlisten: (() => void)[] = [];

  constructor(private readonly deps: TabWatcherDeps) {}

  /** The active tab of the panel's window; null until known. */
  get active(): Readable<TabPage | null> {
    return this.current;
  }

  start(): void {
    const { tabs, windows, bus } = this.deps;
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (info.windowId === this.windowId) void tabs.get(info.tabId).then((t) => this.show(t), ignore);
    };
    const onUpdated = (tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
      if (change.url) bus.emit('tabNavigated', { tabId, url: change.url });
      if ((change.url || change.title) && tab.active && tab.windowId === this.windowId)
        this.show({ ...tab, id: tabId });
    };
    const onRemoved = (tabId: number) => bus.emit('tabClosed', { tabId });
    tabs.onActivated.addListener(onActivated);
    tabs.onUpdated.addListener(onUpdated);
    tabs.onRemoved.addListener(onRemoved);
    this.unlisten.push(
      () => tabs.onActivated.removeListener(onActivated),
      () => tabs.onUpdated.removeListener(onUpdated),
      () => tabs.onRemoved.removeListener(onRemoved),
    );
    void windows.getCurrent().then(async (w) => {
      this.windowId = w.id;
      const [active] = await tabs.query({ active: true, windowId: w.id });
      if (active) this.show(active);
    }, ignore);
  }

  close(): void {
    for (const stop of this.unlisten.splice(0)) stop();
  }

  /** The active tab of the window the user last focused (the one a "Summarize page" click means). */
  async focusedTab(): Promise<TabPage | null> {
    const [tab] = await this.deps.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id === undefined ? null : { tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '' };
  }

  private show(tab: Pick<Browser.tabs.Tab, 'id' | 'url' | 'title'>): void {
    if (tab.id === undefined || tab.url?.startsWith(this.deps.ownOrigin)) return;
    this.current.set({ tabId: tab.id, url: tab.url ?? '', title: tab.title ?? '' });
  }
}

const ignore = () => undefined;
