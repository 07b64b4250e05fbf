import { render } from 'preact';
import { browser } from 'wxt/browser';
import { probeCapabilities } from '@/lib/device';
import { connectEngine } from '@/lib/messaging';
import { EngineLink, ModelLibrary } from '@/lib/panel';
import { openDatabase } from '@/lib/store';
import { SettingsPage } from './SettingsPage';

const engine = new EngineLink({ connect: () => connectEngine(browser.runtime) });
const library = new ModelLibrary({ db: openDatabase(), engine: () => engine.state.value.engine, probeCapabilities });
engine.start();
const unwatch = library.watch();
void library.refresh();
addEventListener('pagehide', () => {
  unwatch();
  engine.close();
});

render(<SettingsPage library={library} engine={engine} />, document.getElementById('app')!);
