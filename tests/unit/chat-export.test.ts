import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  ImportError,
  MAX_IMPORT_CHARACTERS,
  buildExport,
  exportJson,
  importThreads,
  parseExport,
} from '@/lib/chat/export';
import { clearThreads, getThread, listThreads, saveThread, type ChatThreadRecord } from '@/lib/store';
import { freshDatabase } from './helpers/database';
import { makeThread } from './helpers/threads';

const NOW = new Date('2025-01-02T03:04:05.000Z');

/** An export of `threads` as plain JSON data, for tests to break in one place. */
function exportData(threads: ChatThreadRecord[]) {
  return JSON.parse(exportJson(threads, NOW)) as { threads: Record<string, unknown>[] } & Record<string, unknown>;
}

const expectImportError = (json: string, message: RegExp | string) => {
  expect(() => parseExport(json)).toThrow(ImportError);
  expect(() => parseExport(json)).toThrow(message);
};

describe('export', () => {
  test('has the format, version and time', () => {
    const data = buildExport([makeThread('a', 100)], NOW);
    expect(data).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: NOW.toISOString() });
    expect(data.threads).toEqual([makeThread('a', 100)]);
  });

  test('copies only known fields, so a stray field in storage cannot make the file unimportable', () => {
    const stray = { ...makeThread('a', 1), draft: 'typing…' } as ChatThreadRecord;
    const json = exportJson([stray], NOW);
    expect(json).not.toContain('draft');
    expect(parseExport(json)).toEqual([makeThread('a', 1)]);
  });

  test('round trip is exact: export → clear → import → same records', async () => {
    const db = freshDatabase();
    const original = [makeThread('a', 100), makeThread('b', 300), { ...makeThread('c', 200), messages: [] }];
    for (const t of original) await saveThread(db, t);
    const before = await listThreads(db);
    const json = exportJson(before, NOW);
    await clearThreads(db);
    expect(await importThreads(db, json)).toEqual({ added: 3, skipped: 0 });
    expect(await listThreads(db)).toEqual(before);
    expect(await getThread(db, 'a')).toEqual(makeThread('a', 100));
  });

  test('existing ids are skipped and the stored thread is kept unchanged', async () => {
    const db = freshDatabase();
    const mine = { ...makeThread('a', 500), title: 'Newer local version' };
    await saveThread(db, mine);
    const result = await importThreads(db, exportJson([makeThread('a', 100), makeThread('b', 200)], NOW));
    expect(result).toEqual({ added: 1, skipped: 1 });
    expect(await getThread(db, 'a')).toEqual(mine);
    expect(await getThread(db, 'b')).toEqual(makeThread('b', 200));
  });
});

describe('import refuses bad files and writes nothing', () => {
  test('not JSON', async () => {
    const db = freshDatabase();
    await saveThread(db, makeThread('keep', 1));
    await expect(importThreads(db, '{"format": "edgewise-chats",')).rejects.toThrow(ImportError);
    await expect(importThreads(db, 'hello')).rejects.toThrow(/^This file is not valid JSON \(.+\)\.$/);
    expect(await listThreads(db)).toEqual([makeThread('keep', 1)]);
  });

  test.each([['[]'], ['null'], ['"text"'], ['{}'], ['{"format":"something-else","version":1,"threads":[]}']])(
    'not an Edgewise export: %s',
    (json) => expectImportError(json, 'This is not an Edgewise chat export.'),
  );

  test('a newer version', () => {
    const data = { ...exportData([]), version: EXPORT_VERSION + 1, somethingNew: true };
    expectImportError(JSON.stringify(data), /made by a newer version of Edgewise/);
  });

  test.each([[0], ['1'], [1.5], [null]])('a bad version: %o', (version) => {
    expectImportError(JSON.stringify({ ...exportData([]), version }), /no valid version/);
  });

  test('too large', () => {
    expectImportError(' '.repeat(MAX_IMPORT_CHARACTERS + 1), /too large/);
  });

  test('a bad field deep inside names where it is', () => {
    const role = exportData([makeThread('a', 1), makeThread('b', 2), makeThread('c', 3)]);
    (role.threads[2]!.messages as Record<string, unknown>[])[1]!.role = 'system';
    expectImportError(JSON.stringify(role), 'Thread 3, message 2: role must be user or assistant.');

    const part = exportData([makeThread('a', 1)]);
    const message = (part.threads[0]!.messages as { context: { parts: Record<string, unknown>[] } }[])[1]!;
    message.context.parts[1]!.index = -1;
    expectImportError(JSON.stringify(part), 'Thread 1, message 2, context part 2: index must be a whole number');
    message.context.parts[1]!.index = 1.5;
    expectImportError(JSON.stringify(part), 'Thread 1, message 2, context part 2: index must be a whole number');
  });

  test.each<[string, (t: Record<string, unknown>) => void, RegExp]>([
    ['empty id', (t) => (t.id = ''), /Thread 1: id must be text of 1 to 200/],
    ['long id', (t) => (t.id = 'x'.repeat(201)), /Thread 1: id must be text/],
    ['numeric url', (t) => (t.url = 5), /Thread 1: url must be an http:\/\/ or https:\/\/ address/],
    [
      'javascript url',
      (t) => (t.url = 'javascript:alert(1)'),
      /Thread 1: url must be an http:\/\/ or https:\/\/ address/,
    ],
    ['data url', (t) => (t.url = 'data:text/html,<b>x</b>'), /Thread 1: url must be an http/],
    ['model id that walks paths', (t) => (msg(t, 1).modelId = '../../evil'), /message 2: modelId must be a model id/],
    ['missing title', (t) => delete t.title, /Thread 1: title must be text/],
    ['negative time', (t) => (t.createdAt = -1), /Thread 1: createdAt must be a number of 0 or more/],
    ['string time', (t) => (t.updatedAt = '2025'), /Thread 1: updatedAt must be a number/],
    ['messages not a list', (t) => (t.messages = {}), /Thread 1: messages must be a list/],
    ['message not an object', (t) => (t.messages = [null]), /Thread 1, message 1: must be an object/],
    [
      'null status',
      (t) => (msg(t, 1).status = null),
      /Thread 1, message 2: status must be complete or stopped or error/,
    ],
    ['unknown status', (t) => (msg(t, 1).status = 'streaming'), /message 2: status must be/],
    ['numeric error', (t) => (msg(t, 3).error = 1), /Thread 1, message 4: error must be text/],
    ['bad mode', (t) => (ctx(t).mode = 'all'), /message 2, context: mode must be whole or relevant/],
    ['fractional total', (t) => (ctx(t).totalWords = 0.5), /context: totalWords must be a whole number/],
    ['parts not a list', (t) => (ctx(t).parts = 'x'), /context: parts must be a list/],
    ['extra thread key', (t) => (t.pinned = true), /Thread 1: unexpected field "pinned"/],
    ['extra message key', (t) => (msg(t, 0).html = '<b>'), /Thread 1, message 1: unexpected field "html"/],
    ['extra context key', (t) => (ctx(t).x = 1), /context: unexpected field "x"/],
  ])('%s', (_, breakIt, message) => {
    const data = exportData([makeThread('a', 1)]);
    breakIt(data.threads[0]!);
    expectImportError(JSON.stringify(data), message);
  });

  test('a "__proto__" key is refused like any unknown key', () => {
    // JSON.parse makes `__proto__` an own key; JSON.stringify cannot write one, so it is spliced in.
    const json = exportJson([makeThread('a', 1)], NOW).replace('"role": "user"', '"__proto__": {}, "role": "user"');
    expectImportError(json, 'Thread 1, message 1: unexpected field "__proto__".');
  });

  test('a bad export time', () => {
    expectImportError(JSON.stringify({ ...exportData([]), exportedAt: 'yesterday' }), /exportedAt must be a date/);
  });

  test('an extra top-level key', () => {
    expectImportError(JSON.stringify({ ...exportData([]), extra: 1 }), /The export: unexpected field "extra"/);
  });

  test('duplicate thread ids in one file', () => {
    const json = exportJson([makeThread('a', 1), makeThread('b', 2), makeThread('a', 3)], NOW);
    expectImportError(json, `Thread 3: id "a" is the same as thread 1's.`);
  });

  test('nothing is written when the 5th of 5 threads is bad', async () => {
    const db = freshDatabase();
    const data = exportData(['a', 'b', 'c', 'd', 'e'].map((id, i) => makeThread(id, i)));
    data.threads[4]!.createdAt = Number.NaN; // JSON turns it into null
    await expect(importThreads(db, JSON.stringify(data))).rejects.toThrow('Thread 5: createdAt must be a number');
    expect(await listThreads(db)).toEqual([]);
  });

  test('returns copies holding only the known fields', () => {
    const threads = parseExport(exportJson([makeThread('a', 1)], NOW));
    expect(threads).toEqual([makeThread('a', 1)]);
  });
});

function msg(t: Record<string, unknown>, i: number): Record<string, unknown> {
  return (t.messages as Record<string, unknown>[])[i]!;
}
function ctx(t: Record<string, unknown>): Record<string, unknown> {
  return msg(t, 1).context as Record<string, unknown>;
}
