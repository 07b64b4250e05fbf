import { render } from 'preact';
import { browser } from 'wxt/browser';
import { probeCapabilities } from '@/lib/device';
import { connectEngine } from '@/lib/messaging';
import { BuiltInAi, promptApiOf } from '@/lib/builtin';
import { BuiltInService, CloudAccess, EngineLink, ModelLibrary } from '@/lib/panel';
import { openDatabase } from '@/lib/store';
import { SettingsPage } from './SettingsPage';

const db = openDatabase();
const engine = new EngineLink({ connect: () => connectEngine(browser.runtime) });
const library = new ModelLibrary({ db, engine: () => engine.state.value.engine, probeCapabilities });
const cloud = new CloudAccess(db);
const builtIn = new BuiltInService(new BuiltInAi(promptApiOf()));
engine.start();
cloud.start();
void builtIn.refresh();
const unwatch = library.watch();
void library.refresh();
addEventListener('pagehide', () => {
  unwatch();
  cloud.close();
  engine.close();
});

render(
  <SettingsPage library={library} cloud={cloud} builtIn={builtIn} engine={engine} />,
  document.getElementById('app')!,
);
