/**
 * Download faults: a missing model, a file cut off mid-download, a hub that hangs up or
 * disappears. Each gives the caller a clear error, leaves nothing partial in IndexedDB,
 * and a retry after the fault is fixed succeeds.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHub } from '../hub/server.mjs';
import { ECHO_MODEL, MODELS_DIR, extensionPageProbe, storedModelFiles, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

async function stored() {
  const page = await session.browser.openExtensionPage('/options.html');
  const files = await storedModelFiles(page);
  await page.close();
  for (const file of files) expect(file.storedBytes, file.key).toBe(file.size);
  return files.map((f) => f.file);
}

/** Unloads and deletes the echo model, as the model manager does. */
async function deleteEcho() {
  const page = await session.browser.openExtensionPage('/options.html');
  expect(await (await extensionPageProbe(page)).call('raw', 'deleteCached', ECHO_MODEL)).not.toHaveProperty('error');
  await page.close();
}

test('a model the hub does not have gives a clear "not found"', async () => {
  const probe = await session.openProbe();
  const { error } = await probe.call('load', 'edgewise-test/no-such-model', { device: 'wasm' });
  expect(error).toMatch(
    /ModelLoadError: Model "edgewise-test\/no-such-model" was not found on http:\/\/127\.0\.0\.1:\d+\/ \(missing: .*config\.json/,
  );
  expect(await probe.call('status')).toMatchObject({ state: 'error', modelId: 'edgewise-test/no-such-model' });
  expect(await stored()).toEqual([]);
});

test('a file cut off mid-download is not stored, and a retry succeeds', async () => {
  session.hub.setFault({ kind: 'truncate', match: 'model.onnx' });
  const probe = await session.openProbe();
  const failed = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(failed.error).toMatch(/ModelLoadError: Could not load "edgewise-test\/echo-tiny"/);
  expect(await stored()).not.toContain('onnx/model.onnx');

  session.hub.setFault(null);
  const retry = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(retry.error).toBeUndefined();
  expect(retry.result!.downloadedFiles).toContain('onnx/model.onnx');
  expect(await stored()).toContain('onnx/model.onnx');
});

test('a hub that hangs up gives a clear error, and a retry succeeds', async () => {
  await deleteEcho();
  session.hub.setFault({ kind: 'hangup' });
  const probe = await session.openProbe();
  const failed = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(failed.error).toMatch(/Could not reach the model host/);
  expect(await stored()).toEqual([]);
  session.hub.setFault(null);
  expect((await probe.call('load', ECHO_MODEL, { device: 'wasm' })).error).toBeUndefined();
});

test('a hub that goes away, then comes back', async () => {
  await deleteEcho();
  const port = Number(new URL(session.hub.url).port);
  await session.hub.close();
  const probe = await session.openProbe();
  const failed = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(failed.error).toMatch(/Could not reach the model host/);
  expect(await stored()).toEqual([]);

  session.hub = await startHub({ root: MODELS_DIR, port });
  const retry = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(retry.error).toBeUndefined();
  expect((await stored()).sort()).toContain('onnx/model.onnx');
});
