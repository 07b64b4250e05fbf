/** Issue 12: export and import of profiles and page memory, with the chat import's strictness. */
import { describe, expect, test } from 'vitest';
import { CONTEXT_FORMAT, exportContext, importContext, listMemory, memoryText, rememberPage } from '@/lib/memory';
import { listProfiles, saveProfile } from '@/lib/profile';
import { saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const NOW = 1_800_000_000_000;

async function filled(): Promise<EdgewiseDatabase> {
  const db = freshDatabase();
  await saveProfile(db, {
    name: 'Personal',
    isDefault: true,
    fields: { email: ['ada@example.com', 'ada@work.example'], 'given-name': ['Ada'] },
    links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
    about: 'I build engines.',
  });
  const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i} on the Okavango delta.`).join('\n\n');
  await rememberPage(
    db,
    { url: 'https://travel.example/o', title: 'Okavango', lang: 'en', text, secretFields: false },
    'used',
    NOW,
  );
  return db;
}

const validFile = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: CONTEXT_FORMAT,
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    profiles: [],
    pages: [],
    ...extra,
  });

describe('private context file', () => {
  test('round trip: profiles and pages come back whole into an empty database, searchable again', async () => {
    const source = await filled();
    const json = await exportContext(source, new Date(NOW));
    const target = freshDatabase();
    const result = await importContext(target, json);
    expect(result).toMatchObject({ pagesAdded: 1, pagesSkipped: 0, profiles: { added: 1 } });
    const [profile] = await listProfiles(target);
    expect(profile).toMatchObject({ name: 'Personal', isDefault: true, about: 'I build engines.' });
    expect(profile!.fields.email).toEqual(['ada@example.com', 'ada@work.example']);
    const [page] = await listMemory(target);
    const [original] = await listMemory(source);
    expect(page).toMatchObject({ url: 'https://travel.example/o', title: 'Okavango', visitedAt: NOW, reason: 'used' });
    expect(await memoryText(target, page!.id!)).toBe(await memoryText(source, original!.id!));
    expect(await target.memoryParts.where('terms').equals('okavango').count()).toBe(page!.parts);
  });

  test('importing the same file twice adds nothing the second time', async () => {
    const json = await exportContext(await filled(), new Date(NOW));
    const target = freshDatabase();
    await importContext(target, json);
    const again = await importContext(target, json);
    expect(again).toMatchObject({ pagesAdded: 0, pagesSkipped: 1, profiles: { added: 0, unchanged: 1 } });
    expect(await listProfiles(target)).toHaveLength(1);
  });

  test('addresses are compared as memory keeps them, duplicates and expired pages are left out', async () => {
    const db = await filled();
    const before = await db.memoryPages.toArray();
    const page = (url: string, visitedAt = NOW) => ({
      url,
      title: 'T',
      lang: 'en',
      reason: 'used',
      visitedAt,
      text: 'Herons.',
    });
    const json = validFile({
      pages: [
        page('https://travel.example/o#section'),
        page('https://new.example/a'),
        page('https://new.example/a#again'),
        page('https://old.example/b', NOW - 400 * 24 * 3600_000),
      ],
    });
    expect(await importContext(db, json, NOW)).toMatchObject({ pagesAdded: 1, pagesSkipped: 3 });
    const after = await db.memoryPages.toArray();
    expect(after.find((p) => p.url === 'https://travel.example/o')).toEqual(before[0]);
    expect(after.map((p) => p.url).sort()).toEqual(['https://new.example/a', 'https://travel.example/o']);
  });

  test('pages that would go over the size cap are refused, and nothing already here is evicted', async () => {
    const db = await filled();
    await saveSettings(db, { memoryCapMB: 1 });
    const before = await db.memoryPages.toArray();
    const big = {
      url: 'https://big.example/',
      title: 'Big',
      lang: 'en',
      reason: 'used',
      visitedAt: NOW,
      text: 'word '.repeat(150_000),
    };
    await expect(importContext(db, validFile({ pages: [big] }), NOW)).rejects.toThrow(/size cap \(1 MB\)/);
    expect(await db.memoryPages.toArray()).toEqual(before);
    expect(await listProfiles(db)).toHaveLength(1);
  });

  test('a page from a site now never remembered is not imported', async () => {
    const json = await exportContext(await filled(), new Date(NOW));
    const target = freshDatabase();
    await saveSettings(target, { deniedSites: ['travel.example'] });
    expect(await importContext(target, json)).toMatchObject({ pagesAdded: 0, pagesSkipped: 1 });
  });

  test.each([
    ['not JSON', '{oops', /not a valid JSON|JSON/i],
    ['another format', JSON.stringify({ format: 'edgewise-chats', version: 1 }), /not an Edgewise/i],
    ['a newer version', JSON.stringify({ format: CONTEXT_FORMAT, version: 9 }), /newer/i],
    ['an unknown top-level key', validFile({ extra: 1 }), /unexpected field "extra"/],
    ['pages not a list', validFile({ pages: {} }), /pages/],
    [
      'a page with a javascript: address',
      validFile({
        pages: [{ url: 'javascript:alert(1)', title: '', lang: '', reason: 'used', visitedAt: 1, text: 'x' }],
      }),
      /Remembered page 1: url/,
    ],
    [
      'a page with an unknown reason',
      validFile({
        pages: [{ url: 'https://a.example/', title: '', lang: '', reason: 'stolen', visitedAt: 1, text: 'x' }],
      }),
      /Remembered page 1: reason/,
    ],
    [
      'a page with an extra field',
      validFile({
        pages: [
          { url: 'https://a.example/', title: '', lang: '', reason: 'used', visitedAt: 1, text: 'x', html: '<img>' },
        ],
      }),
      /unexpected field "html"/,
    ],
    [
      'a profile holding a card number',
      validFile({
        profiles: [
          {
            id: 'p',
            name: 'P',
            isDefault: true,
            fields: {},
            links: [],
            about: 'My card 4111 1111 1111 1111',
            createdAt: 1,
            updatedAt: 1,
          },
        ],
      }),
      /card/i,
    ],
  ])('%s is refused with a clear message, and nothing is written', async (_name, json, message) => {
    const db = await filled();
    const before = {
      profiles: await db.profiles.toArray(),
      pages: await db.memoryPages.toArray(),
      parts: await db.memoryParts.count(),
    };
    await expect(importContext(db, json)).rejects.toThrow(message);
    expect(await db.profiles.toArray()).toEqual(before.profiles);
    expect(await db.memoryPages.toArray()).toEqual(before.pages);
    expect(await db.memoryParts.count()).toBe(before.parts);
  });
});
