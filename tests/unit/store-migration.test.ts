/**
 * Issue 12, acceptance 7: a database made by the previous schema (version 3), with chat
 * threads and summaries, opens under the current one with every row intact and the
 * private-context stores ready and empty.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/store';
import { makeThread } from './helpers/threads';

const NAME = `edgewise-migration-${process.pid}`;

/** Exactly the stores of schema version 3, as the released extension declared them. */
function openVersion3(): Dexie {
  const db = new Dexie(NAME);
  db.version(1).stores({ modelFiles: 'key, modelId', modelChunks: '[key+index], key', settings: 'key' });
  db.version(2).stores({ summaries: '++id, url, createdAt, [url+contentHash+modelId+mode]' });
  db.version(3).stores({ chatThreads: 'id, url, updatedAt', modelDownloads: 'modelId' });
  return db;
}

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema versions 4 and 5', () => {
  it('opens a version 3 database with its threads, summaries and settings intact', async () => {
    const old = openVersion3();
    const thread = makeThread('t1', 1);
    await old.table('chatThreads').put(thread);
    const summary = {
      url: 'https://example.com/a',
      title: 'A page',
      contentHash: 'abc',
      modelId: 'owner/model',
      mode: 'page',
      text: 'The summary.',
      complete: true,
      coverage: 'Summarized all 10 words.',
      parts: [],
      createdAt: 1,
    };
    const summaryId = await old.table('summaries').add(summary);
    await old.table('settings').put({ key: 'settings', value: { theme: 'dark' } });
    expect(old.verno).toBe(3);
    old.close();

    const db = openDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.chatThreads.get('t1')).toEqual(thread);
    expect(await db.summaries.get(summaryId as number)).toEqual({ ...summary, id: summaryId });
    expect((await db.settings.get('settings'))?.value).toEqual({ theme: 'dark' });
    // The new stores exist and start empty.
    expect(await db.profiles.count()).toBe(0);
    expect(await db.memoryPages.count()).toBe(0);
    expect(await db.memoryParts.count()).toBe(0);
    expect(await db.secrets.count()).toBe(0);
    expect(await db.egress.count()).toBe(0);
    // And work: the terms index finds a part by any of its terms.
    await db.memoryParts.put({ pageId: 1, index: 0, text: 'river delta', terms: ['river', 'delta'] });
    expect(await db.memoryParts.where('terms').equals('delta').count()).toBe(1);
    db.close();
  });
});
