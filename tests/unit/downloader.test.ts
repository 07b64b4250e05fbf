/**
 * Downloading a model without loading it (lib/engine/downloader.ts through LocalEngine.download and
 * cancelDownload), with the real engine in Node: fake-indexeddb and the tiny echo model on the local hub.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  LocalEngine,
  ModelCache,
  VerifiedFetch,
  configureTransformers,
  isQuotaError,
  parseModelFileUrl,
  publishedSha256,
  type DownloadProgress,
} from '@/lib/engine';
import { loadSettings, saveSettings } from '@/lib/settings';
import { ECHO_MODEL, startNodeEngine, type NodeEngine } from './helpers/node-engine';

/** A second copy of the echo model (1k window), used only where transformers.js must not have seen the model yet. */
const ECHO_1K = 'edgewise-test/echo-tiny-1k';
const FIXTURE_DIR = resolve(import.meta.dirname, '../fixtures/models', ECHO_MODEL);
const ALL_FILES = [
  'config.json',
  'generation_config.json',
  'onnx/model.onnx',
  'tokenizer.json',
  'tokenizer_config.json',
];
const sizeOf = (file: string) => statSync(resolve(FIXTURE_DIR, file)).size;
const TOTAL_BYTES = ALL_FILES.reduce((sum, file) => sum + sizeOf(file), 0);

let node: NodeEngine;
/** The echo model's weights as the store keys them: by the test hub's host. */
const onnxKey = async () =>
  parseModelFileUrl(`${(await loadSettings(node.db)).modelHost}${ECHO_MODEL}/resolve/main/onnx/model.onnx`)!.key;
beforeEach(async () => {
  node = await startNodeEngine();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await node.close();
});

/** Files of the model GET-requested from the hub since the last clearLog. */
const fileGets = () =>
  node.hub.requests
    .filter((r) => r.method === 'GET' && r.path.includes('/resolve/'))
    .map((r) => r.path.replace(/^.*\/resolve\/[^/]+\//, ''));

/** Files of the echo model in IndexedDB, sorted. */
async function storedFiles(): Promise<string[]> {
  const records = await node.db.modelFiles.where('modelId').equals(ECHO_MODEL).toArray();
  return records.map((r) => r.file).sort();
}

async function cachedEcho() {
  return (await node.engine.listCached()).find((m) => m.modelId === ECHO_MODEL);
}

/** The rejection of `promise` (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error(`expected a rejection with an Error, got ${String(outcome)}`);
  return outcome;
}

function quotaError(): Error {
  return Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
}

/** Makes `ModelCache.putBytes` fail with a quota error for URLs ending in `file`; other files are stored. */
function failPutFor(file: string) {
  const original = ModelCache.prototype.putBytes;
  return vi.spyOn(ModelCache.prototype, 'putBytes').mockImplementation(async function (
    this: ModelCache,
    request,
    bytes,
    contentType,
  ) {
    if (request.endsWith(`/${file}`)) throw quotaError();
    return original.call(this, request, bytes, contentType);
  });
}

describe('download', () => {
  test('stores every file of the model, marked complete, without loading it', async () => {
    const result = await node.engine.download(ECHO_MODEL);

    expect([...result.files].sort()).toEqual(ALL_FILES);
    expect(result).toMatchObject({ modelId: ECHO_MODEL, device: 'wasm', dtype: 'default', bytes: TOTAL_BYTES });
    const cached = await node.engine.listCached();
    expect(cached).toHaveLength(1);
    expect(cached[0]).toMatchObject({ modelId: ECHO_MODEL, complete: true, bytes: TOTAL_BYTES, dtype: 'default' });
    expect(Object.fromEntries(cached[0]!.files.map((f) => [f.file, f.size]))).toEqual(
      Object.fromEntries(ALL_FILES.map((file) => [file, sizeOf(file)])),
    );

    expect((await node.engine.status()).state).not.toBe('ready');
    await expect(node.engine.countTokens(['hi'])).rejects.toThrow(/No model is loaded/);
  });

  test('progress is monotonic, the total is known from the first event, and the last event is complete', async () => {
    const events: DownloadProgress[] = [];
    await node.engine.download(ECHO_MODEL, {}, (p) => events.push(structuredClone(p)));

    expect(events.length).toBeGreaterThan(1);
    expect(events[0]!.total).toBe(TOTAL_BYTES);
    expect(events.every((e) => e.total === TOTAL_BYTES && e.modelId === ECHO_MODEL)).toBe(true);
    for (let i = 1; i < events.length; i++) expect(events[i]!.loaded).toBeGreaterThanOrEqual(events[i - 1]!.loaded);
    expect(events.at(-1)!.loaded).toBe(TOTAL_BYTES);
    // Per-file sums add up to the overall counts.
    for (const e of events) {
      expect(Object.values(e.files).reduce((sum, f) => sum + f.loaded, 0)).toBe(e.loaded);
    }
    expect(Object.keys(events.at(-1)!.files).sort()).toEqual(ALL_FILES);
  });

  test('the engine reports downloading while it runs and goes back to idle', async () => {
    const states: string[] = [];
    const stop = await node.engine.watchStatus((s) => states.push(s.state));
    await node.engine.download(ECHO_MODEL);
    stop();
    expect(states).toContain('downloading');
    expect(states.at(-1)).toBe('idle');
  });

  test('a truncated model.onnx fails clearly, stores no onnx record, and a retry fetches only missing files', async () => {
    node.hub.setFault({ kind: 'truncate', match: 'onnx/model.onnx' });
    const error = await rejection(node.engine.download(ECHO_MODEL));
    expect(error.name).toBe('ModelLoadError');
    expect(error.message).toContain(ECHO_MODEL);
    expect(error.message).toContain(node.hub.url);

    const stored = await storedFiles();
    expect(stored).not.toContain('onnx/model.onnx');
    expect(
      await node.db.modelChunks
        .where('key')
        .equals(await onnxKey())
        .count(),
    ).toBe(0);
    expect(await cachedEcho()).toMatchObject({ complete: false });
    expect((await node.engine.status()).state).toBe('idle');

    node.hub.setFault(null);
    node.hub.clearLog();
    const retry = await node.engine.download(ECHO_MODEL);
    const missing = ALL_FILES.filter((file) => !stored.includes(file));
    expect([...new Set(fileGets())].sort()).toEqual(missing);
    expect(fileGets().filter((file) => file === 'onnx/model.onnx')).toHaveLength(1);
    expect([...retry.downloadedFiles].sort()).toEqual(missing);
    expect(await cachedEcho()).toMatchObject({ complete: true, bytes: TOTAL_BYTES });
  });

  test('weights that do not hash to the SHA-256 the host published are refused, and nothing is stored', async () => {
    node.hub.setFault({ kind: 'corrupt', match: 'onnx/model.onnx' });
    const error = await rejection(node.engine.download(ECHO_MODEL));
    expect(error.message).toMatch(
      /onnx\/model\.onnx: the downloaded bytes do not match the SHA-256 the model host published/,
    );
    expect(await storedFiles()).not.toContain('onnx/model.onnx');
    expect(
      await node.db.modelChunks
        .where('key')
        .equals(await onnxKey())
        .count(),
    ).toBe(0);

    node.hub.setFault(null);
    await node.engine.download(ECHO_MODEL);
    const onnx = await node.db.modelFiles.get(await onnxKey());
    expect(onnx?.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(resolve(FIXTURE_DIR, 'onnx/model.onnx')))
        .digest('hex'),
    );
  });

  test('after switching the model host, a model from the old host is neither listed nor used', async () => {
    await node.engine.load(ECHO_MODEL);
    const before = await loadSettings(node.db);
    await saveSettings(node.db, { modelHost: 'http://localhost:9/' });
    await node.engine.applySettings(); // as the offscreen document does on every save
    expect((await node.engine.status()).state).toBe('idle');
    expect(await cachedEcho()).toBeUndefined();
    node.hub.clearLog();
    await expect(
      node.engine.generate({ requestId: 'r', modelId: ECHO_MODEL, messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toThrow(/is not downloaded for this device/);
    expect(node.hub.requests).toEqual([]);

    // Switching back finds the old host's copy, whole.
    await saveSettings(node.db, { modelHost: before.modelHost });
    expect(await cachedEcho()).toMatchObject({ complete: true });
  });

  test('a load (not only a download) never stores weights that do not match their published hash', async () => {
    node.hub.setFault({ kind: 'corrupt', match: 'onnx/model.onnx' });
    // transformers.js logs and skips a refused cache write; these garbage bytes then fail to parse.
    await expect(node.engine.load(ECHO_MODEL)).rejects.toThrow();
    expect(await storedFiles()).not.toContain('onnx/model.onnx');
  });

  test('publishedSha256 reads X-Linked-Etag or a hash ETag, and ignores other ETags', () => {
    const hash = 'a'.repeat(64);
    expect(publishedSha256(new Headers({ 'x-linked-etag': `"${hash}"` }))).toBe(hash);
    expect(publishedSha256(new Headers({ etag: `W/"${hash.toUpperCase()}"` }))).toBe(hash);
    expect(publishedSha256(new Headers({ etag: '"5e3-18c"' }))).toBeNull();
    expect(publishedSha256(new Headers())).toBeNull();
  });

  test('after a file later in the plan is cut off, the retry does not fetch the files already stored', async () => {
    node.hub.setFault({ kind: 'truncate', match: 'tokenizer.json' });
    await rejection(node.engine.download(ECHO_MODEL));
    const stored = await storedFiles();
    // Small files go first, so the ones smaller than the tokenizer are complete and kept,
    // and the weights were never started.
    expect(stored).toContain('tokenizer_config.json');
    expect(stored).not.toContain('tokenizer.json');
    expect(stored).not.toContain('onnx/model.onnx');

    node.hub.setFault(null);
    node.hub.clearLog();
    await node.engine.download(ECHO_MODEL);
    const gets = fileGets();
    expect(gets).toContain('tokenizer.json');
    for (const file of stored) expect(gets).not.toContain(file);
    expect(await cachedEcho()).toMatchObject({ complete: true, bytes: TOTAL_BYTES });
  });

  test('cancelDownload during a slow file rejects with DownloadCancelledError and keeps the complete files', async () => {
    node.hub.setFault({ kind: 'slow', match: 'tokenizer.json', bytesPerSecond: 100 }); // ~36 s for the file
    let cancelled: Promise<boolean> | undefined;
    const started = Date.now();
    const download = node.engine.download(ECHO_MODEL, {}, (p) => {
      if (!cancelled && p.current.file === 'tokenizer.json' && p.current.loaded > 0) {
        cancelled = node.engine.cancelDownload(ECHO_MODEL);
      }
    });
    const error = await rejection(download);
    expect(error.name).toBe('DownloadCancelledError');
    expect(await cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(8000);

    const stored = await storedFiles();
    expect(stored).toEqual(expect.arrayContaining(['config.json', 'generation_config.json', 'tokenizer_config.json']));
    expect(stored).not.toContain('tokenizer.json');
    expect(await cachedEcho()).toMatchObject({ complete: false });
    expect(await node.engine.cancelDownload(ECHO_MODEL)).toBe(false);
    expect((await node.engine.status()).state).toBe('idle');

    // The next download resumes: only what was missing is fetched.
    node.hub.setFault(null);
    node.hub.clearLog();
    const resumed = await node.engine.download(ECHO_MODEL);
    expect([...resumed.downloadedFiles].sort()).toEqual(ALL_FILES.filter((f) => !stored.includes(f)));
    for (const file of stored) expect(fileGets()).not.toContain(file);
    expect(await cachedEcho()).toMatchObject({ complete: true });
  });

  test('a second download of the same model while one runs is refused', async () => {
    node.hub.setFault({ kind: 'slow', match: 'onnx/model.onnx', bytesPerSecond: 200_000 });
    const first = node.engine.download(ECHO_MODEL);
    await expect(node.engine.download(ECHO_MODEL)).rejects.toThrow(/already downloading/);
    await node.engine.cancelDownload(ECHO_MODEL);
    expect((await rejection(first)).name).toBe('DownloadCancelledError');
  });

  test('cancelDownload with no download running returns false', async () => {
    expect(await node.engine.cancelDownload(ECHO_MODEL)).toBe(false);
  });

  test('a load after the download fetches no model file from the network', async () => {
    await node.engine.download(ECHO_MODEL);
    node.hub.clearLog();
    const loaded = await node.engine.load(ECHO_MODEL);
    expect(fileGets()).toEqual([]);
    expect(loaded.downloadedFiles).toEqual([]);
    expect(await node.engine.status()).toMatchObject({ state: 'ready', modelId: ECHO_MODEL });
  });

  test('deleteCached removes every file and the completion record', async () => {
    await node.engine.download(ECHO_MODEL);
    expect(await node.engine.deleteCached(ECHO_MODEL)).toBe(TOTAL_BYTES);
    expect(await node.engine.listCached()).toEqual([]);
    expect(await node.db.modelDownloads.get(ECHO_MODEL)).toBeUndefined();
    expect(await node.db.modelChunks.count()).toBe(0);

    // Nothing stale is left behind: the next download fetches every file again.
    node.hub.clearLog();
    const again = await node.engine.download(ECHO_MODEL);
    expect(fileGets()).toContain('onnx/model.onnx');
    expect(again.downloadedFiles).toContain('onnx/model.onnx');
  });
});

describe('storage full', () => {
  test('isQuotaError recognises QuotaExceededError, also wrapped by Dexie', () => {
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true);
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'DatabaseClosedError', inner: { name: 'AbortError', inner: quotaError() } })).toBe(
      true,
    );
    expect(isQuotaError({ name: 'AbortError' })).toBe(false);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  test('a full disk while storing model.onnx ends in StorageFullError and model.onnx is not stored', async () => {
    const spy = failPutFor('onnx/model.onnx');
    const error = await rejection(node.engine.download(ECHO_MODEL));
    expect(spy).toHaveBeenCalled();
    expect(error.name).toBe('StorageFullError');
    expect(error.message).toContain(ECHO_MODEL);
    expect(error.message).toContain('onnx/model.onnx');
    expect(await storedFiles()).not.toContain('onnx/model.onnx');
    expect((await cachedEcho())?.complete ?? false).toBe(false);
    expect((await node.engine.status()).state).toBe('idle');

    spy.mockRestore();
    await node.engine.download(ECHO_MODEL);
    expect(await cachedEcho()).toMatchObject({ complete: true, bytes: TOTAL_BYTES });
  });

  test('a full disk on a later file removes the files this download had written', async () => {
    failPutFor('tokenizer_config.json');
    const error = await rejection(node.engine.download(ECHO_MODEL));
    expect(error.name).toBe('StorageFullError');
    const stored = await storedFiles();
    for (const file of ['onnx/model.onnx', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      expect(stored).not.toContain(file);
    }
    expect(
      await node.db.modelChunks
        .where('key')
        .equals(await onnxKey())
        .count(),
    ).toBe(0);
  });

  // Reading the file list (ModelRegistry.get_files) stores config.json through the cache the first time a process
  // sees a model (transformers.js memoizes the config after that), so the rollback must remove every file not
  // stored before the download began, not only the ones it fetched; else the model manager would list a
  // "partial" model after "nothing of this download was kept".
  // Uses the 1k echo model, which no other test here touches, so the memo is cold as in a fresh browser session.
  test('after StorageFullError no file of that download is listed for the model', async () => {
    failPutFor('onnx/model.onnx');
    expect((await rejection(node.engine.download(ECHO_1K))).name).toBe('StorageFullError');
    expect((await node.engine.listCached()).find((m) => m.modelId === ECHO_1K)).toBeUndefined();
  });

  test('too little free space is refused before any weight is fetched', async () => {
    const cache = new ModelCache(node.db);
    const fetcher = new VerifiedFetch();
    configureTransformers({ cache, fetcher });
    const engine = new LocalEngine({
      cache,
      fetcher,
      settings: () => loadSettings(node.db),
      capabilities: async () => ({ webgpu: false, shaderF16: false }),
      estimate: async () => ({ usage: 9_000_000, quota: 10_000_000 }),
    });
    const error = await rejection(engine.download(ECHO_MODEL));
    expect(error.name).toBe('StorageFullError');
    expect(error.message).toMatch(/needs 3 MB, but only 1 MB/);
    expect(fileGets()).not.toContain('onnx/model.onnx');
    expect(await storedFiles()).not.toContain('onnx/model.onnx');
  });
});
