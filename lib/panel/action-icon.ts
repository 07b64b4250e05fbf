/**
 * The toolbar icon follows the engine: a dot while it downloads, loads or writes, none
 * when idle or ready (issue 11). Set from the panel, which watches the engine anyway; the
 * icon is per browser, so it is only written when the state really changes.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { EngineStatus } from '@/lib/engine';
import { i18n } from '@/lib/i18n';
import { iconPaths, type IconState } from '@/lib/icons';

/** What the icon needs of `action`, as WXT types it. */
export type ActionApi = Pick<WxtBrowser['action'], 'setIcon' | 'setTitle'>;

/** The icon state for an engine status (unknown = idle). */
export function iconStateOf(status: EngineStatus | null): IconState {
  return status && ['downloading', 'loading', 'generating'].includes(status.state) ? 'working' : 'idle';
}

/** Returns a function that shows `status` on the toolbar icon. */
export function actionIconFor(action: ActionApi): (status: EngineStatus | null) => void {
  // Unknown at first: the icon may still show another panel's state (one closed mid-answer).
  let shown: IconState | null = null;
  return (status) => {
    const state = iconStateOf(status);
    if (state === shown) return;
    shown = state;
    void action.setIcon({ path: iconPaths(state) }).catch(() => undefined);
    void action
      .setTitle({ title: i18n.t(state === 'working' ? 'action.working' : 'action.idle') })
      .catch(() => undefined);
  };
}
