/**
 * Remembered pages in a chat prompt ("Also search my pages", issue 12): the best-matching
 * parts of other pages the user used, each page in its own `<page>` block with its address
 * and visit date, within a share of the prompt so the current page keeps room.
 */
import { dataBlock } from '@/lib/answer';
import type { RecalledPage } from '@/lib/memory';
import type { RememberedUse } from '@/lib/store';
import type { CountTokens } from '@/lib/summarize';

/** The remembered pages' blocks for the prompt, and what to cite under the answer. */
export interface RememberedContext {
  blocks: string[];
  used: RememberedUse[];
  tokens: number;
}

/**
 * The parts of `recalled` that fit `budgetTokens`, best-scoring first (a part that does not
 * fit is skipped so a smaller one can use the room); each page's parts in page order. When
 * even the best part alone is too long (a small model's window), its beginning is sent,
 * cut at a word and marked with "…", rather than nothing.
 */
export async function fitRemembered(
  recalled: readonly RecalledPage[],
  budgetTokens: number,
  count: CountTokens,
): Promise<RememberedContext> {
  const ranked = recalled
    .flatMap((page) => page.parts.map((part) => ({ page, part })))
    .sort((x, y) => y.part.score - x.part.score);
  const picked = new Map<RecalledPage, RecalledPage['parts']>();
  let best: RememberedContext = { blocks: [], used: [], tokens: 0 };
  for (const { page, part: whole } of ranked) {
    let part = whole;
    const trial = new Map(picked);
    trial.set(page, [...(trial.get(page) ?? []), part]);
    let blocks = [...trial].map(([p, parts]) => block(p, parts));
    let [tokens = Infinity] = await count([blocks.join('\n\n')]);
    if (tokens > budgetTokens) {
      const cut = picked.size === 0 ? await cutToFit(page, whole, budgetTokens, count) : null;
      if (!cut) continue;
      part = cut.part;
      trial.set(page, [part]);
      blocks = [cut.block];
      tokens = cut.tokens;
    }
    picked.set(page, trial.get(page)!);
    best = {
      blocks,
      tokens,
      used: [...trial].map(([p, parts]) => ({
        url: p.url,
        title: p.title,
        visitedAt: p.visitedAt,
        parts: parts.length,
      })),
    };
  }
  return best;
}

function block(page: RecalledPage, parts: RecalledPage['parts']): string {
  const text = [...parts]
    .sort((x, y) => x.index - y.index)
    .map((part) => part.text.trim())
    .join('\n\n');
  const visited = new Date(page.visitedAt).toISOString().slice(0, 10);
  return dataBlock('page', { title: page.title, url: page.url, visited }, text);
}

/** The longest beginning of `part` (whole words, then "…") whose block fits `budgetTokens`; null if none does. */
async function cutToFit(
  page: RecalledPage,
  part: RecalledPage['parts'][number],
  budgetTokens: number,
  count: CountTokens,
): Promise<{ part: RecalledPage['parts'][number]; block: string; tokens: number } | null> {
  const fit = await fitBeginning(part.text, budgetTokens, (text) => block(page, [{ ...part, text }]), count);
  return fit && { part: { ...part, text: fit.text }, block: fit.block, tokens: fit.tokens };
}

/**
 * The longest beginning of `text` (whole words, then "…") whose `wrap`ped block fits
 * `budgetTokens`, or all of it when it fits; null if not even one word does.
 */
export async function fitBeginning(
  text: string,
  budgetTokens: number,
  wrap: (text: string) => string,
  count: CountTokens,
): Promise<{ text: string; block: string; tokens: number } | null> {
  const whole = text.trim();
  const [all = Infinity] = await count([wrap(whole)]);
  if (all <= budgetTokens) return { text: whole, block: wrap(whole), tokens: all };
  const words = whole.split(/\s+/);
  let best = null;
  // Binary search over the number of words: a handful of token counts, not one per word.
  for (let low = 1, high = words.length - 1; low <= high;) {
    const n = Math.floor((low + high) / 2);
    const cut = `${words.slice(0, n).join(' ')} …`;
    const candidate = wrap(cut);
    const [tokens = Infinity] = await count([candidate]);
    if (tokens <= budgetTokens) {
      best = { text: cut, block: candidate, tokens };
      low = n + 1;
    } else high = n - 1;
  }
  return best;
}
