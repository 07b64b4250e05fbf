import { Emitter } from './observable';

/** Events between the panel's services and views, by name. */
export interface PanelEvents {
  /** A chat thread was saved (a question or an answer): history lists refresh. */
  threadSaved: { threadId: string };
  /** Threads were deleted in history (`threadId` null: all of them): open chats forget them. */
  threadsDeleted: { threadId: string | null };
  /** A summary was asked for from the menu or the shortcut: the panel shows the summary view. */
  summaryRequested: { tabId: number };
  /** A tab was closed. */
  tabClosed: { tabId: number };
  /** A tab went to another URL (the fragment counts: callers decide what a new page is). */
  tabNavigated: { tabId: number; url: string };
}

/** The panel's event bus, one per panel. */
export type PanelBus = Emitter<PanelEvents>;

export function createPanelBus(): PanelBus {
  return new Emitter<PanelEvents>();
}
