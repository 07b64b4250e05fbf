import { browser } from 'wxt/browser';
import { bundledOrtPaths, createEngine, requestPersistentStorage } from '@/lib/engine';
import { serveEngine } from '@/lib/messaging';
import { openDatabase } from '@/lib/store';

const engine = createEngine({
  db: openDatabase(),
  wasmPaths: bundledOrtPaths((path) => browser.runtime.getURL(path as '/')),
});
serveEngine(engine, browser.runtime);
void requestPersistentStorage();
