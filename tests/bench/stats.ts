/** Medians and ranges: every figure the bench reports is one of these. */
export interface Stat {
  median: number;
  min: number;
  max: number;
  /** Number of samples. */
  runs: number;
  samples: number[];
}

export function stat(samples: number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN, runs: n, samples: samples.map(round) };
}

/** Ratio of two medians (NaN if either is missing). */
export function ratio(a: Stat | undefined, b: Stat | undefined): number {
  return a && b && b.median ? a.median / b.median : NaN;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Collects named samples over a loop of runs. */
export class Samples {
  private readonly data = new Map<string, number[]>();

  add(name: string, value: number): void {
    const list = this.data.get(name) ?? [];
    list.push(value);
    this.data.set(name, list);
  }

  stat(name: string): Stat | undefined {
    const list = this.data.get(name);
    return list ? stat(list) : undefined;
  }

  all(): Record<string, Stat> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, stat(v)]));
  }
}
