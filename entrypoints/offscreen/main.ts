import { browser } from 'wxt/browser';
import { bundledOrtPaths, createEngine, requestPersistentStorage } from '@/lib/engine';
import { serveEngine } from '@/lib/messaging';
import { watchChanges } from '@/lib/settings';
import { openDatabase } from '@/lib/store';

const engine = createEngine({
  db: openDatabase(),
  wasmPaths: bundledOrtPaths((path) => browser.runtime.getURL(path as '/')),
});
serveEngine(engine, browser.runtime);
// A new device, dtype or idle time applies to a model already loaded, whichever page saved it.
watchChanges('settings', () => void engine.applySettings());
void requestPersistentStorage();
