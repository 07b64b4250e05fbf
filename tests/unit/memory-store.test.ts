/** Issue 12: page memory in IndexedDB — remembering, refreshing, forgetting, retention and the size cap. */
import { describe, expect, test } from 'vitest';
import {
  enforceLimits,
  forgetPage,
  forgetSince,
  forgetSite,
  listMemory,
  memoryText,
  rememberPage,
  type PageToRemember,
} from '@/lib/memory';
import { saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;

function pageAt(
  url: string,
  text = `Text of ${url}. `.repeat(20),
  extra: Partial<PageToRemember> = {},
): PageToRemember {
  return { url, title: `Title of ${url}`, lang: 'en', text, secretFields: false, ...extra };
}

async function urls(db: EdgewiseDatabase): Promise<string[]> {
  return (await listMemory(db)).map((page) => page.url);
}

describe('rememberPage', () => {
  test('keeps the URL without its fragment, the title, the time and the text in parts', async () => {
    const db = freshDatabase();
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} about the river delta and its birds.`).join(
      '\n\n',
    );
    const stored = await rememberPage(db, pageAt('https://www.example.com/a#top', text), 'used', NOW);
    expect(stored).toMatchObject({
      url: 'https://www.example.com/a',
      site: 'example.com',
      visitedAt: NOW,
      reason: 'used',
    });
    const [page] = await listMemory(db);
    expect(page!.parts).toBeGreaterThan(1);
    expect(await db.memoryParts.where('pageId').equals(page!.id!).count()).toBe(page!.parts);
    // Together the parts are the whole text: nothing is silently cut.
    expect(await memoryText(db, page!.id!)).toBe(text);
    expect(await db.memoryParts.where('terms').equals('delta').count()).toBe(page!.parts);
  });

  test('a page used again is one record, with its new text and time', async () => {
    const db = freshDatabase();
    await saveSettings(db, { rememberRead: true });
    await rememberPage(db, pageAt('https://example.com/a', 'Old words about owls.'), 'used', NOW);
    await rememberPage(db, pageAt('https://example.com/a#later', 'New words about herons.'), 'read', NOW + HOUR);
    const pages = await listMemory(db);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ visitedAt: NOW + HOUR, reason: 'used' });
    expect(await memoryText(db, pages[0]!.id!)).toBe('New words about herons.');
    expect(await db.memoryParts.where('terms').equals('owl').count()).toBe(0);
  });

  test('refuses by the rules and stores nothing', async () => {
    const db = freshDatabase();
    expect(
      await rememberPage(db, pageAt('https://bank.example/login', 'Sign in', { secretFields: true }), 'used', NOW),
    ).toEqual({
      skipped: 'secretFields',
    });
    await saveSettings(db, { memoryPausedUntil: NOW + HOUR });
    expect(await rememberPage(db, pageAt('https://example.com/'), 'used', NOW)).toEqual({ skipped: 'paused' });
    expect(await db.memoryPages.count()).toBe(0);
    expect(await db.memoryParts.count()).toBe(0);
  });
});

describe('forgetting', () => {
  async function three(db: EdgewiseDatabase): Promise<void> {
    await rememberPage(db, pageAt('https://a.example.com/old'), 'used', NOW - 3 * 24 * HOUR);
    await rememberPage(db, pageAt('https://b.example.org/day'), 'used', NOW - 5 * HOUR);
    await rememberPage(db, pageAt('https://a.example.com/new'), 'used', NOW - HOUR / 2);
  }

  test('by time range: exactly the pages visited since then, with their parts', async () => {
    const db = freshDatabase();
    await three(db);
    expect(await forgetSince(db, NOW - HOUR)).toBe(1);
    expect(await urls(db)).toEqual(['https://b.example.org/day', 'https://a.example.com/old']);
    expect(await forgetSince(db, NOW - 24 * HOUR)).toBe(1);
    expect(await urls(db)).toEqual(['https://a.example.com/old']);
    const left = (await listMemory(db))[0]!;
    expect(await db.memoryParts.count()).toBe(left.parts);
  });

  test('by site: the site and its subdomains, nothing else', async () => {
    const db = freshDatabase();
    await three(db);
    await rememberPage(db, pageAt('https://notexample.com/x'), 'used', NOW);
    expect(await forgetSite(db, 'example.com')).toBe(2);
    expect(await urls(db)).toEqual(['https://notexample.com/x', 'https://b.example.org/day']);
  });

  test('one page, and everything', async () => {
    const db = freshDatabase();
    await three(db);
    const [newest] = await listMemory(db);
    expect(await forgetPage(db, newest!.id!)).toBe(1);
    expect(await urls(db)).not.toContain(newest!.url);
    expect(await forgetSince(db, 0)).toBe(2);
    expect(await db.memoryPages.count()).toBe(0);
    expect(await db.memoryParts.count()).toBe(0);
  });
});

describe('limits', () => {
  test('over its cap, memory evicts the oldest pages first', async () => {
    const db = freshDatabase();
    // About 0.3 MB each: a 1 MB cap keeps three.
    const big = 'word '.repeat(30_000);
    for (let i = 0; i < 5; i++) await rememberPage(db, pageAt(`https://example.com/${i}`, big), 'used', NOW + i);
    const before = await listMemory(db);
    expect(before).toHaveLength(5);
    expect(await enforceLimits(db, { memoryCapMB: 1, memoryRetentionDays: 90 }, NOW + 10)).toEqual({
      expired: 0,
      overCap: 2,
    });
    expect(await urls(db)).toEqual(['https://example.com/4', 'https://example.com/3', 'https://example.com/2']);
    const kept = await listMemory(db);
    expect(await db.memoryParts.count()).toBe(kept.reduce((sum, page) => sum + page.parts, 0));
  });

  test('the cap applies as pages are remembered', async () => {
    const db = freshDatabase();
    await saveSettings(db, { memoryCapMB: 1 });
    const big = 'word '.repeat(30_000);
    for (let i = 0; i < 5; i++) await rememberPage(db, pageAt(`https://example.com/${i}`, big), 'used', NOW + i);
    expect(await urls(db)).toEqual(['https://example.com/4', 'https://example.com/3', 'https://example.com/2']);
  });

  test('pages not visited within the retention period are forgotten', async () => {
    const db = freshDatabase();
    await saveSettings(db, { memoryRetentionDays: 7 });
    await rememberPage(db, pageAt('https://example.com/old'), 'used', NOW - 8 * 24 * HOUR);
    await rememberPage(db, pageAt('https://example.com/new'), 'used', NOW);
    expect(await urls(db)).toEqual(['https://example.com/new']);
  });
});
