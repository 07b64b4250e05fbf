import { browser } from 'wxt/browser';
import { CloudEngine, withCloud } from '@/lib/cloud';
import { bundledOrtPaths, createEngine, requestPersistentStorage } from '@/lib/engine';
import { serveEngine } from '@/lib/messaging';
import { loadSettings, watchChanges } from '@/lib/settings';
import { openDatabase } from '@/lib/store';

const db = openDatabase();
const engine = createEngine({ db, wasmPaths: bundledOrtPaths((path) => browser.runtime.getURL(path as '/')) });
serveEngine(withCloud(engine, new CloudEngine({ db, settings: () => loadSettings(db) })), browser.runtime);
// A new device, dtype or idle time applies to a model already loaded, whichever page saved it.
watchChanges('settings', () => void engine.applySettings());
void requestPersistentStorage();
