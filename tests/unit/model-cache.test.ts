import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { IncompleteDownloadError, ModelCache, parseModelFileUrl } from '@/lib/engine';
import { sha256Hex } from '@/lib/hash';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const URL_A = 'https://huggingface.co/owner/model-a/resolve/main/onnx/model.onnx';
const URL_CONFIG = 'https://huggingface.co/owner/model-a/resolve/main/config.json';
const HUB = 'https://huggingface.co/';
const MIRROR = 'http://localhost:8080/';

let db: EdgewiseDatabase;
let cache: ModelCache;
const CHUNK_BYTES = 1024;
beforeEach(() => {
  db = freshDatabase();
  cache = new ModelCache(db, CHUNK_BYTES);
});

function bytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + seed) % 251;
  return out;
}
const response = (body: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-length': String(body.byteLength), ...headers } });

describe('parseModelFileUrl', () => {
  test.each([
    [URL_A, { modelId: 'owner/model-a', revision: 'main', file: 'onnx/model.onnx' }],
    ['http://127.0.0.1:9/a/b/resolve/main/tokenizer.json', { modelId: 'a/b', file: 'tokenizer.json' }],
    [
      'https://mirror.example/deep/prefix/a/b/resolve/v1.0/x.json?download=1',
      { modelId: 'a/b', revision: 'v1.0', file: 'x.json' },
    ],
  ])('%s', (url, expected) => {
    expect(parseModelFileUrl(url)).toMatchObject(expected);
  });

  test('the key includes the host, except for the hub, whose keys stay as before', () => {
    expect(parseModelFileUrl(URL_A)).toMatchObject({
      host: 'https://huggingface.co/',
      key: 'owner/model-a@main/onnx/model.onnx',
    });
    expect(parseModelFileUrl('http://127.0.0.1:9/owner/model-a/resolve/main/onnx/model.onnx')).toMatchObject({
      host: 'http://127.0.0.1:9/',
      key: 'http://127.0.0.1:9/owner/model-a@main/onnx/model.onnx',
    });
  });

  test('non-hub URLs are not model files', () => {
    expect(parseModelFileUrl('chrome-extension://x/ort/ort.wasm')).toBeUndefined();
  });
});

describe('ModelCache', () => {
  test('stores and returns a file byte for byte, with size and hash', async () => {
    const body = bytes(1000);
    await cache.put(URL_A, response(body, { 'content-type': 'application/octet-stream' }));
    const hit = await cache.match(URL_A);
    expect(new Uint8Array(await hit!.arrayBuffer())).toEqual(body);
    expect(hit!.headers.get('content-length')).toBe('1000');
    const [model] = await cache.list(HUB);
    expect(model).toMatchObject({ modelId: 'owner/model-a', bytes: 1000 });
    expect(model!.files[0]).toEqual({ file: 'onnx/model.onnx', size: 1000, sha256: await sha256Hex(body) });
  });

  test('a miss is undefined', async () => {
    expect(await cache.match(URL_A)).toBeUndefined();
    expect(await cache.match('not a url')).toBeUndefined();
  });

  test('splits big files into chunks and reassembles them', async () => {
    const body = bytes(CHUNK_BYTES * 2 + 123, 7);
    await cache.put(URL_A, response(body));
    expect(await db.modelChunks.count()).toBe(3);
    expect(new Uint8Array(await (await cache.match(URL_A))!.arrayBuffer())).toEqual(body);
  });

  test('a body shorter than its Content-Length is refused and nothing is stored', async () => {
    const truncated = new Response(bytes(10), { headers: { 'content-length': '100' } });
    await expect(cache.put(URL_A, truncated)).rejects.toThrow(IncompleteDownloadError);
    expect(await db.modelFiles.count()).toBe(0);
    expect(await db.modelChunks.count()).toBe(0);
  });

  test('a damaged entry (missing chunk) is dropped and reads as a miss', async () => {
    await cache.put(URL_A, response(bytes(100)));
    await db.modelChunks.clear();
    expect(await cache.match(URL_A)).toBeUndefined();
    expect(await db.modelFiles.count()).toBe(0);
  });

  test('a model stored from one host is never served, listed or completed for another', async () => {
    const fromMirror = `${MIRROR}owner/model-a/resolve/main/onnx/model.onnx`;
    await cache.put(fromMirror, response(bytes(100, 7)));
    await cache.markComplete('owner/model-a', MIRROR, 'q8');
    expect(await cache.match(URL_A)).toBeUndefined();
    expect(await cache.list(HUB)).toEqual([]);
    expect(await cache.list(MIRROR)).toMatchObject([{ modelId: 'owner/model-a', bytes: 100, complete: true }]);

    // The hub's copy of the same name lives beside it; deleting the model removes both.
    await cache.put(URL_A, response(bytes(50, 3)));
    expect(new Uint8Array(await (await cache.match(URL_A))!.arrayBuffer())).toEqual(bytes(50, 3));
    expect(new Uint8Array(await (await cache.match(fromMirror))!.arrayBuffer())).toEqual(bytes(100, 7));
    expect(await cache.list(HUB)).toMatchObject([{ modelId: 'owner/model-a', bytes: 50, complete: false }]);
    expect(await cache.deleteModel('owner/model-a')).toBe(150);
    expect(await db.modelFiles.count()).toBe(0);
  });

  test('lists per model and deletes one model, reporting the bytes freed', async () => {
    await cache.put(URL_A, response(bytes(100)));
    await cache.put(URL_CONFIG, response(bytes(20)));
    await cache.put('https://huggingface.co/other/model-b/resolve/main/config.json', response(bytes(5)));
    expect((await cache.list(HUB)).map((m) => [m.modelId, m.bytes, m.files.length])).toEqual([
      ['other/model-b', 5, 1],
      ['owner/model-a', 120, 2],
    ]);
    expect(await cache.deleteModel('owner/model-a')).toBe(120);
    expect((await cache.list(HUB)).map((m) => m.modelId)).toEqual(['other/model-b']);
    expect(await db.modelChunks.where('key').startsWith('owner/model-a').count()).toBe(0);
  });

  test('rewriting a file replaces all of its old chunks', async () => {
    await cache.put(URL_A, response(bytes(CHUNK_BYTES + 1)));
    await cache.put(URL_A, response(bytes(10, 3)));
    expect(await db.modelChunks.count()).toBe(1);
    expect(new Uint8Array(await (await cache.match(URL_A))!.arrayBuffer())).toEqual(bytes(10, 3));
  });
});
