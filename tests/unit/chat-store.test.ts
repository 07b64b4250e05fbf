import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import {
  clearThreads,
  deleteThread,
  getThread,
  listThreads,
  saveThread,
  searchThreads,
  type ChatThreadRecord,
} from '@/lib/store';
import { freshDatabase } from './helpers/database';
import { makeThread } from './helpers/threads';

const ids = (threads: ChatThreadRecord[]) => threads.map((t) => t.id);

describe('chat threads', () => {
  test('saves whole threads and reads them back', async () => {
    const db = freshDatabase();
    const a = makeThread('a', 100);
    await saveThread(db, a);
    expect(await getThread(db, 'a')).toEqual(a);
    expect(await getThread(db, 'missing')).toBeUndefined();

    const changed = { ...a, updatedAt: 200, messages: a.messages.slice(0, 1) };
    await saveThread(db, changed);
    expect(await getThread(db, 'a')).toEqual(changed);
  });

  test('lists newest updatedAt first, up to the limit', async () => {
    const db = freshDatabase();
    await saveThread(db, makeThread('old', 100));
    await saveThread(db, makeThread('new', 300));
    await saveThread(db, makeThread('mid', 200));
    expect(ids(await listThreads(db))).toEqual(['new', 'mid', 'old']);
    expect(ids(await listThreads(db, 2))).toEqual(['new', 'mid']);
  });

  test('search: every word must appear somewhere in the thread', async () => {
    const db = freshDatabase();
    await saveThread(db, makeThread('a', 100, { title: 'Café au lait recipe' }));
    await saveThread(db, makeThread('b', 200, { url: 'https://news.example/Élection-results' }));
    await saveThread(db, makeThread('c', 300));
    const c = (await getThread(db, 'c'))!;
    c.messages[1]!.text = 'The ZEPPELIN landed in Zürich.';
    await saveThread(db, c);

    // Title, case and accents either way.
    expect(ids(await searchThreads(db, 'cafe'))).toEqual(['a']);
    expect(ids(await searchThreads(db, 'CAFÉ'))).toEqual(['a']);
    // URL.
    expect(ids(await searchThreads(db, 'election news'))).toEqual(['b']);
    // Message text, words from different messages and fields.
    expect(ids(await searchThreads(db, 'zurich zeppelin'))).toEqual(['c']);
    expect(ids(await searchThreads(db, 'zeppelin page'))).toEqual(['c']);
    // AND, not OR.
    expect(ids(await searchThreads(db, 'zeppelin cafe'))).toEqual([]);
    // A word common to all: newest first, limited.
    expect(ids(await searchThreads(db, '  about  '))).toEqual(['c', 'b', 'a']);
    expect(ids(await searchThreads(db, 'about', 2))).toEqual(['c', 'b']);
    // Substrings count.
    expect(ids(await searchThreads(db, 'recip'))).toEqual(['a']);
  });

  test('an empty query lists everything', async () => {
    const db = freshDatabase();
    await saveThread(db, makeThread('a', 100));
    await saveThread(db, makeThread('b', 200));
    expect(ids(await searchThreads(db, ''))).toEqual(['b', 'a']);
    expect(ids(await searchThreads(db, ' \n\t'))).toEqual(['b', 'a']);
  });

  test('deletes one thread, then all', async () => {
    const db = freshDatabase();
    await saveThread(db, makeThread('a', 100));
    await saveThread(db, makeThread('b', 200));
    await saveThread(db, makeThread('c', 300));
    await deleteThread(db, 'b');
    expect(ids(await listThreads(db))).toEqual(['c', 'a']);
    await clearThreads(db);
    expect(await listThreads(db)).toEqual([]);
  });
});

describe('schema upgrade from version 2', () => {
  test('keeps existing summaries and settings and adds chatThreads', async () => {
    const name = `chat-store-upgrade-${process.pid}`;
    // The database as version 2 of Edgewise created it.
    const old = new Dexie(name);
    old.version(1).stores({ modelFiles: 'key, modelId', modelChunks: '[key+index], key', settings: 'key' });
    old.version(2).stores({ summaries: '++id, url, createdAt, [url+contentHash+modelId+mode]' });
    const summary = {
      url: 'https://example.com/',
      title: 'Example',
      contentHash: 'abc',
      modelId: 'owner/model',
      mode: 'page',
      text: 'A summary.',
      complete: true,
      coverage: 'Summarized all 10 words.',
      parts: [],
      createdAt: 1,
    };
    const summaryId = await old.table('summaries').add(summary);
    await old.table('settings').put({ key: 'settings', value: { device: 'wasm' } });
    old.close();

    const db = freshDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.summaries.get(summaryId as number)).toEqual({ ...summary, id: summaryId });
    expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { device: 'wasm' } });
    expect(await db.chatThreads.count()).toBe(0);
    await saveThread(db, makeThread('a', 100));
    expect(ids(await listThreads(db))).toEqual(['a']);
  });
});
