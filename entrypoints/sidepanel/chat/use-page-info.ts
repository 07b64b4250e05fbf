/**
 * How much page there is to chat about, read when the panel binds to a tab (and again
 * when it navigates), so the context bar can say it before the first question.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { extractFromTab, type TabApis } from '@/lib/tabs';
import type { ActiveTab } from '../use-active-tab';

export type PageInfo =
  { state: 'reading' } | { state: 'ready'; words: number; capped: boolean } | { state: 'unreadable'; reason: string };

export function usePageInfo(tab: ActiveTab | null): PageInfo | null {
  const [info, setInfo] = useState<PageInfo | null>(null);
  useEffect(() => {
    if (!tab) return setInfo(null);
    let current = true;
    setInfo({ state: 'reading' });
    extractFromTab(browser as unknown as TabApis, tab.tabId, 'page').then(
      (page) => current && setInfo({ state: 'ready', words: page.wordCount, capped: page.capped !== null }),
      (error: unknown) =>
        current && setInfo({ state: 'unreadable', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // The title changes once the page has loaded: read it again then.
  }, [tab?.tabId, tab?.url, tab?.title]);
  return info;
}
