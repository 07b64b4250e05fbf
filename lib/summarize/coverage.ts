/** How much of a page a summary is based on; shown to the user, never left implicit. */
export interface Coverage {
  /** Words in the parts that were summarized. */
  words: number;
  totalWords: number;
  parts: number;
  totalParts: number;
  /** The last few words that were covered, so a partial summary says where it stops. */
  endsAt: string;
}

const format = (n: number) => n.toLocaleString('en-US');

/** "Summarized all 12,400 words." or exactly which part, when stopped early. */
export function describeCoverage(coverage: Coverage): string {
  if (coverage.totalParts > 0 && coverage.parts === coverage.totalParts) {
    return `Summarized all ${format(coverage.totalWords)} words${coverage.totalParts > 1 ? ` (${coverage.totalParts} parts)` : ''}.`;
  }
  if (coverage.parts === 0)
    return `Stopped before any part was summarized (0 of ${format(coverage.totalWords)} words).`;
  const share = Math.round((coverage.words / Math.max(1, coverage.totalWords)) * 100);
  return `Stopped after part ${coverage.parts} of ${coverage.totalParts}: summarized ${format(coverage.words)} of ${format(coverage.totalWords)} words (${share}%), up to “…${coverage.endsAt}”.`;
}

/** The last `n` words of a text. */
export function lastWords(text: string, n = 6): string {
  return text.trim().split(/\s+/).slice(-n).join(' ');
}
