/**
 * First install: open the welcome page once (issue 11, onboarding). Updates, reloads and
 * browser restarts do not. Chrome reports "install" again whenever an unpacked extension is
 * loaded from the command line, so the page also remembers, in `storage.local` (cleared on
 * uninstall, so a reinstall welcomes again), that it was shown.
 */
import type { Browser, WxtBrowser } from 'wxt/browser';

/** The page a new user lands on. */
export const WELCOME_PATH = '/welcome.html';
const WELCOMED_KEY = 'edgewise:welcomed';

export type InstallApis = {
  tabs: Pick<WxtBrowser['tabs'], 'create'>;
  runtime: Pick<WxtBrowser['runtime'], 'getURL'>;
  storage: { local: Pick<Browser.storage.LocalStorageArea, 'get' | 'set'> };
};

/** Opens the welcome page when `details` says the extension was just installed, the first time only. */
export async function welcomeOnInstall(
  apis: InstallApis,
  details: Pick<Browser.runtime.InstalledDetails, 'reason'>,
): Promise<void> {
  if (details.reason !== 'install') return;
  if ((await apis.storage.local.get(WELCOMED_KEY))[WELCOMED_KEY] === true) return;
  await apis.tabs.create({ url: apis.runtime.getURL(WELCOME_PATH) });
  // Only once it opened: a failed open is tried again at the next "install".
  await apis.storage.local.set({ [WELCOMED_KEY]: true });
}
