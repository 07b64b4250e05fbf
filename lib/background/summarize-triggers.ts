/**
 * "Summarize" from the context menu and the keyboard shortcut. Both are user gestures,
 * so the side panel is opened right in the handler (Chrome refuses `sidePanel.open`
 * after an await), and the job is parked for the panel to pick up.
 */
import type { WxtBrowser } from 'wxt/browser';
import { postJob, type SessionStorage, type SummarizeJob } from '@/lib/messaging';
import { i18n } from '@/lib/i18n';

export const MENU_SUMMARIZE_PAGE = 'edgewise-summarize-page';
export const MENU_SUMMARIZE_SELECTION = 'edgewise-summarize-selection';
/** Command name in the manifest (`commands`), default shortcut Alt+Shift+S. */
export const COMMAND_SUMMARIZE_PAGE = 'summarize-page';

/** The browser APIs the triggers need, as WXT types them. */
export type TriggerApis = {
  contextMenus: Pick<WxtBrowser['contextMenus'], 'removeAll' | 'create'>;
  sidePanel: Pick<WxtBrowser['sidePanel'], 'open'>;
  storage: { session: SessionStorage };
};

/** (Re)creates the two menu items; call on install and update. */
export async function createSummarizeMenus(apis: TriggerApis): Promise<void> {
  await apis.contextMenus.removeAll();
  apis.contextMenus.create({ id: MENU_SUMMARIZE_PAGE, title: i18n.t('menu.summarizePage'), contexts: ['page'] });
  apis.contextMenus.create({
    id: MENU_SUMMARIZE_SELECTION,
    title: i18n.t('menu.summarizeSelection'),
    contexts: ['selection'],
  });
}

/** The job a menu click or command asks for, or null if it is not ours or has no tab. */
export function jobFor(trigger: string, tabId: number | undefined, now = Date.now()): SummarizeJob | null {
  if (tabId === undefined || tabId < 0) return null;
  const mode =
    trigger === MENU_SUMMARIZE_PAGE || trigger === COMMAND_SUMMARIZE_PAGE
      ? 'page'
      : trigger === MENU_SUMMARIZE_SELECTION
        ? 'selection'
        : null;
  return mode && { id: `${now}-${tabId}-${mode}`, tabId, mode, createdAt: now };
}

/**
 * Opens the panel for the job's tab and parks the job. Synchronous up to `sidePanel.open`
 * so the user gesture still counts; returns a promise for both steps.
 */
export function startSummarize(apis: TriggerApis, job: SummarizeJob): Promise<unknown> {
  const opened = apis.sidePanel.open({ tabId: job.tabId });
  return Promise.all([opened, postJob(apis.storage.session, job)]);
}
