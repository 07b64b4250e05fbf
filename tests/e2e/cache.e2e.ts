/**
 * First load downloads from the hub with per-file progress; after a browser restart on
 * the same profile the model loads from IndexedDB with zero hub requests.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  configure,
  ensureModel,
  removeModel,
  showView,
  storedModelFiles,
  startSession,
  type Session,
} from './harness';

const MODEL_FILES = [
  'config.json',
  'generation_config.json',
  'onnx/model.onnx',
  'tokenizer.json',
  'tokenizer_config.json',
];

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

test('first load downloads every file with progress, and stores it whole', async () => {
  await removeModel(session.browser, ECHO_MODEL);
  session.hub.clearLog();
  const probe = await session.openProbe();
  const { result, progress } = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect([...result!.downloadedFiles].sort()).toEqual(MODEL_FILES);
  const modelEvents = progress.filter((p) => p.current.file === 'onnx/model.onnx');
  expect(modelEvents.length).toBeGreaterThan(0);
  const last = modelEvents.at(-1)!.current;
  expect(last.source).toBe('network');
  expect(last.loaded).toBe(last.total);
  // Progress is monotonic per file.
  const loaded = modelEvents.map((p) => p.current.loaded);
  expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
  const hubFiles = session.hub.requests.map((r) => r.path.split('/resolve/main/')[1]);
  expect(new Set(hubFiles)).toEqual(new Set(MODEL_FILES));

  const page = await session.browser.openExtensionPage('/options.html');
  const stored = await storedModelFiles(page);
  expect(stored.map((f) => f.file).sort()).toEqual(MODEL_FILES);
  for (const file of stored) expect(file.storedBytes).toBe(file.size);
  const onnx = stored.find((f) => f.file === 'onnx/model.onnx')!;
  expect(onnx.size).toBe(last.total);
});

test('after a browser restart, loading makes zero hub requests', async () => {
  await ensureModel(session.browser, ECHO_MODEL);
  await session.restartBrowser();
  session.hub.clearLog();
  const probe = await session.openProbe();
  const { result, progress, error } = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(error).toBeUndefined();
  expect(result!.downloadedFiles).toEqual([]);
  expect(progress.every((p) => p.current.source === 'cache')).toBe(true);
  expect(session.hub.requests).toEqual([]);
  await probe.call('start', { requestId: 'r', messages: [{ role: 'user', content: 'still works' }], maxNewTokens: 16 });
  expect((await probe.call('wait', 'r')).result!.completionTokens).toBeGreaterThan(0);
  expect(session.hub.requests).toEqual([]);
});

test('deleting the model in the model manager frees its bytes', async () => {
  await ensureModel(session.browser, ECHO_MODEL);
  await configure(session.browser, { modelId: ECHO_MODEL });
  const panel = await session.browser.openExtensionPage('/sidepanel.html');
  await showView(panel, 'Models');
  const row = panel.locator(`li.model[data-model="${ECHO_MODEL}"]`);
  await expect.poll(() => row.getAttribute('data-stored')).toBe('complete');
  await row.getByRole('button', { name: `Delete ${ECHO_MODEL} from this device` }).click();
  await expect.poll(() => row.getAttribute('data-stored')).toBe('none');
  expect(await storedModelFiles(panel)).toEqual([]);
});
