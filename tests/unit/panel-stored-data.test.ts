/** "What's stored" (lib/panel/stored-data.ts): counts per kind, delete one kind, delete everything. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { logEgress, saveApiKey } from '@/lib/cloud';
import { rememberPage } from '@/lib/memory';
import { StoredData } from '@/lib/panel';
import { saveProfile } from '@/lib/profile';
import { saveSettings } from '@/lib/settings';
import { saveSummary, saveThread, type EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';
import { makeThread } from './helpers/threads';

async function filled(): Promise<EdgewiseDatabase> {
  const db = freshDatabase();
  await db.modelFiles.put({
    key: 'o/m@main/onnx/model.onnx',
    modelId: 'o/m',
    revision: 'main',
    file: 'onnx/model.onnx',
    size: 1234,
    sha256: 'ab',
    chunkCount: 1,
    contentType: 'application/octet-stream',
    storedAt: 1,
  });
  await db.modelChunks.put({ key: 'o/m@main/onnx/model.onnx', index: 0, bytes: new ArrayBuffer(8) });
  await db.modelDownloads.put({ modelId: 'o/m', dtype: 'q4', files: ['onnx/model.onnx'], completedAt: 1 });
  await saveSummary(db, {
    url: 'https://a.example/',
    title: 'A',
    contentHash: 'h',
    modelId: 'o/m',
    mode: 'page',
    text: 'Sum.',
    complete: true,
    coverage: '',
    parts: [],
    createdAt: 1,
  });
  await saveThread(db, makeThread('t', 1));
  await saveProfile(db, {
    name: 'Personal',
    isDefault: true,
    fields: { email: ['a@example.com'] },
    links: [],
    about: '',
  });
  await rememberPage(
    db,
    { url: 'https://a.example/', title: 'A', lang: 'en', text: 'Herons.', secretFields: false },
    'used',
  );
  await saveSettings(db, { theme: 'dark', cloudBaseUrl: 'https://api.example/v1/', cloudModel: 'm' });
  await saveApiKey(db, 'https://api.example/v1/', 'sk-stored');
  await logEgress(db, {
    at: 1,
    provider: 'P',
    origin: 'https://api.example',
    model: 'm',
    feature: 'chat',
    site: null,
    bytesSent: 10,
    tokensSent: 3,
    bytesReceived: 5,
    tokensReceived: 2,
    tokensEstimated: false,
    redactions: 0,
    status: 'ok',
    httpStatus: 200,
    error: null,
    ms: 5,
  });
  return db;
}

function service(db: EdgewiseDatabase) {
  const calls: string[] = [];
  const stored = new StoredData({
    db,
    removeModel: async (id) => {
      calls.push(`model ${id}`);
    },
    clear: {
      chats: async () => {
        calls.push('chats');
        await db.chatThreads.clear();
      },
      summaries: async () => {
        calls.push('summaries');
        await db.summaries.clear();
      },
    },
    profilesChanged: () => calls.push('profiles changed'),
    stopWork: () => calls.push('stopped'),
    estimateStorage: async () => ({ usage: 0, quota: 1e9 }),
  });
  return { stored, calls };
}

const counts = (stored: StoredData) =>
  Object.fromEntries((stored.state.value.kinds ?? []).map((k) => [k.kind, k.count]));

describe('StoredData', () => {
  test('counts every kind, with sizes', async () => {
    const { stored } = service(await filled());
    await stored.refresh();
    // The cloud kind counts the log's row and the key.
    expect(counts(stored)).toEqual({
      models: 1,
      summaries: 1,
      chats: 1,
      profiles: 1,
      memory: 1,
      cloud: 2,
      settings: 1,
    });
    const models = stored.state.value.kinds!.find((k) => k.kind === 'models');
    expect(models?.bytes).toBe(1234);
    for (const kind of stored.state.value.kinds!) expect(kind.bytes).toBeGreaterThan(0);
  });

  test('deletes one kind and leaves the others', async () => {
    const db = await filled();
    const { stored, calls } = service(db);
    await stored.remove('profiles');
    expect(calls).toEqual(['profiles changed']);
    expect(counts(stored)).toMatchObject({ profiles: 0, memory: 1, chats: 1 });
    await stored.remove('memory');
    expect(await db.memoryParts.count()).toBe(0);
    expect(counts(stored)).toMatchObject({ memory: 0, summaries: 1 });
  });

  test('delete everything empties every store, keeping settings only when asked', async () => {
    const db = await filled();
    const { stored, calls } = service(db);
    await stored.removeEverything(true);
    // The key goes even when settings stay: it is a secret, not a preference.
    expect(await db.secrets.count()).toBe(0);
    expect(calls).toContain('model o/m');
    expect(calls[0]).toBe('stopped');
    for (const table of db.tables) {
      expect([table.name, await table.count()]).toEqual([table.name, table.name === 'settings' ? 1 : 0]);
    }
    await stored.removeEverything(false);
    for (const table of db.tables) expect([table.name, await table.count()]).toEqual([table.name, 0]);
    expect(stored.state.value.outcome).toEqual({ kind: 'wiped', before: 0, after: 0, failed: [] });
  });

  test('a kind that cannot be deleted does not stop the others, and the outcome names it', async () => {
    const db = await filled();
    const failing = new StoredData({
      db,
      // The engine is gone: model files are deleted anyway.
      removeModel: () => Promise.reject(new Error('engine gone')),
      clear: { chats: () => Promise.reject(new Error('disk error')), summaries: () => db.summaries.clear() },
      profilesChanged: () => undefined,
      stopWork: () => undefined,
      estimateStorage: async () => ({ usage: 0, quota: 1e9 }),
    });
    await failing.removeEverything(false);
    expect(failing.state.value.outcome).toMatchObject({ kind: 'wiped', failed: ['chats'] });
    expect(await db.chatThreads.count()).toBe(1);
    for (const table of [
      'profiles',
      'memoryPages',
      'memoryParts',
      'summaries',
      'settings',
      'modelFiles',
      'modelChunks',
    ]) {
      expect([table, await db.table(table).count()]).toEqual([table, 0]);
    }
  });

  test('a refused import says why and changes nothing', async () => {
    const db = await filled();
    const { stored } = service(db);
    await stored.importFile(new Blob(['{"format":"edgewise-private-context","version":1,"exportedAt":"x"}']));
    expect(stored.state.value.outcome?.kind).toBe('refused');
    expect(counts(stored)).toMatchObject({ profiles: 1, memory: 1 });
  });
});
