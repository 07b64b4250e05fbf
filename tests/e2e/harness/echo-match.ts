/**
 * Reading the tiny echo model's output. It copies its input reliably for short text and
 * drifts on long text (see tests/fixtures/tiny-model/README.md), so a phrase counts as
 * having reached the model when the output holds it exactly or with a few wrong bytes.
 * Absence is checked exactly elsewhere: noise does not spell out a hidden payload.
 */

/** Edit distance between `a` and the best-matching substring of `text` (Sellers' algorithm). */
export function bestSubstringDistance(a: string, text: string): number {
  let previous = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= text.length; j++) {
      const cost = a[i - 1] === text[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return Math.min(...previous);
}

/** True when `output` contains `phrase`, allowing up to 15% of its characters to differ. */
export function echoed(output: string, phrase: string): boolean {
  if (output.includes(phrase)) return true;
  return bestSubstringDistance(phrase, output) <= Math.floor(phrase.length * 0.15);
}

/** Asserts that `phrase` reached the echo model (see {@link echoed}). */
export function expectEchoed(output: string, phrase: string): void {
  if (!echoed(output, phrase)) {
    throw new Error(`Expected the echo model's output to hold “${phrase}”, but it was:\n${output.slice(0, 2000)}`);
  }
}
