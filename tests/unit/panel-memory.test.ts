/** The panel's page memory service (lib/panel/memory.ts): remembering, the reason a page was not, pause and forgetting. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { ExtractedPage } from '@/lib/extract';
import { PageMemory } from '@/lib/panel';
import { PAUSED_UNTIL_RESUMED, loadSettings } from '@/lib/settings';
import { freshDatabase } from './helpers/database';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;

function page(url: string, extra: Partial<ExtractedPage> = {}): ExtractedPage {
  return {
    title: `T ${url}`,
    url,
    byline: '',
    lang: 'en',
    text: `Words of ${url} about herons.`,
    wordCount: 5,
    source: 'article',
    capped: null,
    secretFields: false,
    ms: 1,
    ...extra,
  };
}

function service(clock = { now: NOW }) {
  const db = freshDatabase();
  const memory = new PageMemory({ db, now: () => clock.now });
  return { db, memory, clock };
}

describe('PageMemory', () => {
  test('remembers a used page and lists it; a page asking for a password is not, and says why', async () => {
    const { memory } = service();
    await memory.remember(page('https://a.example/'));
    expect(memory.state.value.pages?.map((p) => p.url)).toEqual(['https://a.example/']);
    expect(memory.state.value.bytes).toBeGreaterThan(0);
    await memory.remember(page('https://bank.example/login', { secretFields: true }));
    expect(memory.state.value.skipped).toEqual({ url: 'https://bank.example/login', reason: 'secretFields' });
    expect(memory.state.value.pages).toHaveLength(1);
  });

  test('"Don\'t remember this site" denies it and forgets what was kept of it', async () => {
    const { db, memory } = service();
    await memory.remember(page('https://news.example/1'));
    await memory.remember(page('https://other.example/1'));
    await memory.denySite('https://www.news.example/2');
    await memory.denySite('https://news.example/again');
    expect((await loadSettings(db)).deniedSites).toEqual(['news.example']);
    expect(memory.state.value.pages?.map((p) => p.url)).toEqual(['https://other.example/1']);
    await memory.remember(page('https://news.example/3'));
    expect(memory.state.value.skipped?.reason).toBe('denied');
  });

  test('pause for an hour, until resumed, and resume', async () => {
    const { db, memory, clock } = service();
    await memory.pause(HOUR);
    expect((await loadSettings(db)).memoryPausedUntil).toBe(NOW + HOUR);
    await memory.remember(page('https://a.example/'));
    expect(memory.state.value.skipped?.reason).toBe('paused');
    clock.now = NOW + HOUR + 1;
    await memory.remember(page('https://a.example/'));
    expect(memory.state.value.pages).toHaveLength(1);
    await memory.pause(null);
    expect((await loadSettings(db)).memoryPausedUntil).toBe(PAUSED_UNTIL_RESUMED);
    await memory.resume();
    expect((await loadSettings(db)).memoryPausedUntil).toBe(0);
  });

  test('search lists the matching pages; forgetting by range keeps older pages', async () => {
    const { memory, clock } = service();
    await memory.remember(page('https://old.example/', { text: 'Egrets nest in reeds.' }));
    clock.now = NOW + 2 * HOUR;
    await memory.remember(page('https://new.example/', { text: 'Herons fish at dawn.' }));
    memory.search('herons');
    await expect.poll(() => memory.state.value.results?.map((r) => r.url)).toEqual(['https://new.example/']);
    await memory.forgetRange('hour');
    expect(memory.state.value.pages?.map((p) => p.url)).toEqual(['https://old.example/']);
    await memory.forgetRange('all');
    expect(memory.state.value.pages).toEqual([]);
  });
});
