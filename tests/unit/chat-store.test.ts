import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import {
  clearThreads,
  deleteThread,
  getThread,
  listThreads,
  openDatabase,
  saveThread,
  searchThreads,
  type ChatThreadRecord,
  type EdgewiseDatabase,
} from '@/lib/store';

let n = 0;
const dbs: EdgewiseDatabase[] = [];
const fresh = () => {
  const db = openDatabase(`chat-store-test-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function thread(id: string, updatedAt: number, extra: Partial<ChatThreadRecord> = {}): ChatThreadRecord {
  return {
    id,
    url: `https://example.com/${id}`,
    title: `Page ${id}`,
    createdAt: updatedAt - 10,
    updatedAt,
    messages: [
      { id: `${id}-1`, role: 'user', text: 'What is this page about?', createdAt: updatedAt - 5 },
      {
        id: `${id}-2`,
        role: 'assistant',
        text: 'It is about things.',
        createdAt: updatedAt,
        status: 'complete',
        modelId: 'owner/model',
        context: {
          mode: 'whole',
          parts: [{ index: 0, words: 3, preview: 'A b c' }],
          totalParts: 1,
          words: 3,
          totalWords: 3,
        },
      },
    ],
    ...extra,
  };
}

const ids = (threads: ChatThreadRecord[]) => threads.map((t) => t.id);

describe('chat threads', () => {
  test('saves whole threads and reads them back', async () => {
    const db = fresh();
    const a = thread('a', 100);
    await saveThread(db, a);
    expect(await getThread(db, 'a')).toEqual(a);
    expect(await getThread(db, 'missing')).toBeUndefined();

    const changed = { ...a, updatedAt: 200, messages: a.messages.slice(0, 1) };
    await saveThread(db, changed);
    expect(await getThread(db, 'a')).toEqual(changed);
  });

  test('lists newest updatedAt first, up to the limit', async () => {
    const db = fresh();
    await saveThread(db, thread('old', 100));
    await saveThread(db, thread('new', 300));
    await saveThread(db, thread('mid', 200));
    expect(ids(await listThreads(db))).toEqual(['new', 'mid', 'old']);
    expect(ids(await listThreads(db, 2))).toEqual(['new', 'mid']);
  });

  test('search: every word must appear somewhere in the thread', async () => {
    const db = fresh();
    await saveThread(db, thread('a', 100, { title: 'Café au lait recipe' }));
    await saveThread(db, thread('b', 200, { url: 'https://news.example/Élection-results' }));
    await saveThread(db, thread('c', 300));
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
    const db = fresh();
    await saveThread(db, thread('a', 100));
    await saveThread(db, thread('b', 200));
    expect(ids(await searchThreads(db, ''))).toEqual(['b', 'a']);
    expect(ids(await searchThreads(db, ' \n\t'))).toEqual(['b', 'a']);
  });

  test('deletes one thread, then all', async () => {
    const db = fresh();
    await saveThread(db, thread('a', 100));
    await saveThread(db, thread('b', 200));
    await saveThread(db, thread('c', 300));
    await deleteThread(db, 'b');
    expect(ids(await listThreads(db))).toEqual(['c', 'a']);
    await clearThreads(db);
    expect(await listThreads(db)).toEqual([]);
  });
});

describe('schema upgrade to version 3', () => {
  test('keeps existing summaries and settings and adds chatThreads', async () => {
    const name = `chat-store-upgrade-${++n}`;
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

    const db = openDatabase(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.summaries.get(summaryId as number)).toEqual({ ...summary, id: summaryId });
    expect(await db.settings.get('settings')).toEqual({ key: 'settings', value: { device: 'wasm' } });
    expect(await db.chatThreads.count()).toBe(0);
    await saveThread(db, thread('a', 100));
    expect(ids(await listThreads(db))).toEqual(['a']);
  });
});
