/**
 * The tab the panel is about: the active tab of the panel's window, followed as the user
 * switches tabs or navigates. Extension pages (the panel itself, when opened in a tab)
 * are skipped, so the panel stays on the page it was showing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  tabId: number;
  /** '' when Chrome does not show it to us (browser pages). */
  url: string;
  title: string;
}

export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);

  useEffect(() => {
    let windowId: number | undefined;
    const own = browser.runtime.getURL('/');
    const show = (t: { id?: number; url?: string; title?: string } | undefined) => {
      if (t?.id === undefined || t.url?.startsWith(own)) return;
      setTab({ tabId: t.id, url: t.url ?? '', title: t.title ?? '' });
    };
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, windowId });
      show(active);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) void browser.tabs.get(info.tabId).then(show, () => undefined);
    };
    const onUpdated = (
      tabId: number,
      change: { url?: string; title?: string },
      t: { active?: boolean; windowId?: number; id?: number; url?: string; title?: string },
    ) => {
      if ((change.url || change.title) && t.active && t.windowId === windowId) show({ ...t, id: tabId });
    };
    void browser.windows.getCurrent().then((w) => {
      windowId = w.id;
      void refresh();
    });
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  return tab;
}
