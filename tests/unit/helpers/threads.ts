/** One chat thread factory for every unit test that stores, exports or searches threads. */
import type { ChatThreadRecord } from '@/lib/store';

/**
 * A thread with every kind of message a real one has: a question with a line break, a
 * complete answer with page parts, a stopped answer and a failed one. `order` only
 * orders threads (newer is larger); the times are realistic, so never negative. The
 * title has quotes, an accent and a symbol, which an export must round-trip.
 */
export function makeThread(id: string, order: number, extra: Partial<ChatThreadRecord> = {}): ChatThreadRecord {
  const updatedAt = 1_700_000_000_000 + order;
  return {
    id,
    url: `https://example.com/${id}`,
    title: `Pagé "${id}" ✓`,
    createdAt: updatedAt - 10,
    updatedAt,
    messages: [
      { id: `${id}-1`, role: 'user', text: 'What is this page about?\nIn short, please', createdAt: updatedAt - 5 },
      {
        id: `${id}-2`,
        role: 'assistant',
        text: 'Part one is about…',
        createdAt: updatedAt - 4,
        status: 'complete',
        modelId: 'owner/model',
        context: {
          mode: 'relevant',
          parts: [
            { index: 1, words: 120, preview: 'The first twelve words of part two' },
            { index: 4, words: 80, preview: 'And of part five' },
          ],
          totalParts: 12,
          words: 200,
          totalWords: 1500,
        },
      },
      { id: `${id}-3`, role: 'assistant', text: 'Half an ans', createdAt: updatedAt - 2, status: 'stopped' },
      { id: `${id}-4`, role: 'assistant', text: '', createdAt: updatedAt, status: 'error', error: 'Out of memory' },
    ],
    ...extra,
  };
}
