import { describe, expect, test } from 'vitest';
import { formatWhen } from '@/lib/format';
import { historyEntries, titleOf } from '@/lib/panel';
import type { ChatThreadRecord, SummaryRecord } from '@/lib/store';

const thread = (id: string, updatedAt: number, title = 'Tides'): ChatThreadRecord => ({
  id,
  url: 'https://example.com/tides',
  title,
  createdAt: updatedAt,
  updatedAt,
  messages: [],
});
const summary = (id: number, createdAt: number, text = 'High tide at six.'): SummaryRecord => ({
  id,
  url: 'https://example.com/harbour',
  title: 'Harbour',
  contentHash: 'h',
  modelId: 'a/b',
  mode: 'page',
  text,
  complete: true,
  coverage: 'Summarized all 4 words.',
  parts: [],
  createdAt,
});

describe('historyEntries', () => {
  const threads = [thread('t1', 300), thread('t2', 100)];
  const summaries = [summary(1, 200), summary(2, 50, 'Ferries leave at noon.')];

  test('chats and summaries in one list, newest first', () => {
    expect(historyEntries(threads, summaries, 'all', '').map((e) => e.key)).toEqual([
      'chat t1',
      'summary 1',
      'chat t2',
      'summary 2',
    ]);
  });

  test('filtered by kind', () => {
    expect(historyEntries(threads, summaries, 'chat', '').map((e) => e.kind)).toEqual(['chat', 'chat']);
    expect(historyEntries(threads, summaries, 'summary', '').map((e) => e.kind)).toEqual(['summary', 'summary']);
  });

  test('the search matches a summary by its text, in any case', () => {
    expect(historyEntries([], summaries, 'all', 'FERRIES').map((e) => e.key)).toEqual(['summary 2']);
  });

  test('an untitled page shows its address without the scheme', () => {
    expect(titleOf({ title: '  ', url: 'https://example.com/a' })).toBe('example.com/a');
  });
});

describe('formatWhen', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0);
  test.each([
    [now - 20_000, 'now'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 3_600_000, '3 hours ago'],
    [now - 26 * 3_600_000, 'yesterday'],
    [now - 3 * 86_400_000, '3 days ago'],
    [Date.UTC(2026, 10, 20, 12, 0), 'Nov 20, 2026'],
  ])('%i → %s', (at, words) => {
    expect(formatWhen(at, now, 'en')).toBe(words);
  });
});
