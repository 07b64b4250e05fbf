/**
 * A real LocalEngine in Node: transformers.js on onnxruntime-node, the IndexedDB cache
 * on fake-indexeddb, and the tiny echo model served by the local hub.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { createEngine, type LocalEngine } from '@/lib/engine';
import { saveSettings } from '@/lib/settings';
import { openDatabase, type EdgewiseDatabase } from '@/lib/store';
import { startHub, type Hub } from '../../hub/server.mjs';

export const ECHO_MODEL = 'edgewise-test/echo-tiny';
const MODELS_DIR = resolve(import.meta.dirname, '../../fixtures/models');

let databases = 0;

export interface NodeEngine {
  engine: LocalEngine;
  db: EdgewiseDatabase;
  hub: Hub;
  close(): Promise<void>;
}

export async function startNodeEngine(settings: { idleUnloadMinutes?: number } = {}): Promise<NodeEngine> {
  const hub = await startHub({ root: MODELS_DIR });
  const db = openDatabase(`edgewise-test-${process.pid}-${++databases}`);
  await saveSettings(db, { modelHost: hub.url, ...settings });
  const engine = createEngine({ db, capabilities: { webgpu: false, shaderF16: false } });
  return {
    engine,
    db,
    hub,
    async close() {
      await engine.unload();
      db.close();
      await hub.close();
    },
  };
}
