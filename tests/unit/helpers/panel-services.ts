/**
 * The panel's model services (library, downloads, gate) around a real LocalEngine in
 * Node, the way lib/panel/panel.ts wires them in the side panel.
 */
import 'fake-indexeddb/auto';
import { Downloads, ModelGate, ModelLibrary } from '@/lib/panel';
import { saveSettings } from '@/lib/settings';
import { ECHO_MODEL, startNodeEngine, type NodeEngine } from './node-engine';

export interface PanelServices {
  node: NodeEngine;
  models: ModelLibrary;
  downloads: Downloads;
  gate: ModelGate;
  /** Model files fetched from the hub (GET) since the last `node.hub.clearLog()`. */
  fileGets(): string[];
  close(): Promise<void>;
}

export async function startPanelServices(modelId = ECHO_MODEL): Promise<PanelServices> {
  const node = await startNodeEngine();
  await saveSettings(node.db, { modelId });
  const models = new ModelLibrary({
    db: node.db,
    engine: () => node.engine,
    probeCapabilities: async () => ({ webgpu: false, shaderF16: false }),
    // A stand-in for navigator.storage.estimate(), which Node does not have.
    estimateStorage: async () => ({ usage: 5_000_000, quota: 100_000_000 }),
  });
  const downloads = new Downloads({ engine: () => node.engine, settled: () => models.refresh() });
  const gate = new ModelGate(models, downloads, () => node.engine);
  await models.refresh();
  return {
    node,
    models,
    downloads,
    gate,
    fileGets: () =>
      node.hub.requests
        .filter((r) => r.method === 'GET' && r.path.includes('/resolve/'))
        .map((r) => r.path.replace(/^.*\/resolve\/[^/]+\//, '')),
    close: () => node.close(),
  };
}
