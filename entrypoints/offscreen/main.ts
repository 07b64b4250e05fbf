import { browser } from 'wxt/browser';
import { bundledOrtPaths, createEngine, requestPersistentStorage } from '@/lib/engine';
import { serveEngine, type HostRuntime } from '@/lib/messaging';
import { openDatabase } from '@/lib/store';

const engine = createEngine({
  db: openDatabase(),
  wasmPaths: bundledOrtPaths((path) => browser.runtime.getURL(path as '/')),
});
serveEngine(engine, browser.runtime as unknown as HostRuntime);
void requestPersistentStorage();
