/**
 * One History for chats and summaries (issue 11: "Past summaries" lived under Summary while
 * History listed only chats): both kinds in one list, newest first, filtered by kind and by
 * the search. Chats are searched in IndexedDB (their text can be long); summaries here.
 */
import type { ChatThreadRecord, SummaryRecord } from '@/lib/store';

export type HistoryKind = 'all' | 'chat' | 'summary';

export type HistoryEntry =
  | { kind: 'chat'; key: string; at: number; title: string; thread: ChatThreadRecord }
  | { kind: 'summary'; key: string; at: number; title: string; summary: SummaryRecord };

/** A title to show: the page's own, else its address without the scheme. */
export function titleOf(record: { title: string; url: string }): string {
  return record.title.trim() || record.url.replace(/^https?:\/\//, '');
}

/** The entries to list: `threads` already match the search; summaries are matched on title, address and text. */
export function historyEntries(
  threads: readonly ChatThreadRecord[],
  summaries: readonly SummaryRecord[],
  kind: HistoryKind,
  query: string,
): HistoryEntry[] {
  const needle = query.trim().toLocaleLowerCase();
  const matches = (s: SummaryRecord) =>
    !needle || [s.title, s.url, s.text].some((field) => field.toLocaleLowerCase().includes(needle));
  const entries: HistoryEntry[] = [
    ...(kind === 'summary'
      ? []
      : threads.map((thread) => ({
          kind: 'chat' as const,
          key: `chat ${thread.id}`,
          at: thread.updatedAt,
          title: titleOf(thread),
          thread,
        }))),
    ...(kind === 'chat'
      ? []
      : summaries.filter(matches).map((summary) => ({
          kind: 'summary' as const,
          key: `summary ${summary.id ?? summary.createdAt}`,
          at: summary.createdAt,
          title: titleOf(summary),
          summary,
        }))),
  ];
  return entries.sort((a, b) => b.at - a.at);
}
