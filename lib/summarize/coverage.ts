/** How much of a page a summary is based on; shown to the user, never left implicit. */
import { i18n } from '@/lib/i18n';

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
    return i18n.t('coverage.all', coverage.totalParts, [format(coverage.totalWords), coverage.totalParts]);
  }
  if (coverage.parts === 0) return i18n.t('coverage.none', [format(coverage.totalWords)]);
  const share = Math.round((coverage.words / Math.max(1, coverage.totalWords)) * 100);
  return i18n.t('coverage.partial', [
    coverage.parts,
    coverage.totalParts,
    format(coverage.words),
    format(coverage.totalWords),
    share,
    coverage.endsAt,
  ]);
}

/** The last `n` words of a text. */
export function lastWords(text: string, n = 6): string {
  return text.trim().split(/\s+/).slice(-n).join(' ');
}
