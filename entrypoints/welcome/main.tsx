import { render } from 'preact';
import { i18n } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import { COMMAND_SUMMARIZE_PAGE } from '@/lib/background';
import { probeCapabilities } from '@/lib/device';
import { ModelLibrary } from '@/lib/panel';
import { openDatabase } from '@/lib/store';
import { WelcomePage, type Shortcuts } from './WelcomePage';

document.title = i18n.t('welcome.heading');

// No engine connection here: the welcome page only reads settings and what this device can run.
const library = new ModelLibrary({
  db: openDatabase(),
  engine: () => null,
  probeCapabilities,
  estimateStorage: () => navigator.storage.estimate(),
});
void library.refresh();
// sidePanel.open must run in the click itself (a user gesture), so the window is known up front.
const windowId = browser.windows.getCurrent().then((w) => w.id);

// The shortcuts the user has now, which they may have changed from the defaults.
const commands = await browser.commands.getAll();
const shortcutOf = (name: string) => commands.find((c) => c.name === name)?.shortcut ?? '';
const shortcuts: Shortcuts = {
  summarize: shortcutOf(COMMAND_SUMMARIZE_PAGE),
  openPanel: shortcutOf('_execute_action'),
};

render(
  <WelcomePage
    library={library}
    shortcuts={shortcuts}
    openPanel={async () => {
      const id = await windowId;
      if (id !== undefined) await browser.sidePanel.open({ windowId: id });
    }}
  />,
  document.getElementById('app')!,
);
