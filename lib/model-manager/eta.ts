/**
 * Download speed and time left, from progress samples. A moving average over the last
 * few seconds, so one slow chunk does not make the estimate jump.
 */

/** How far back samples count. */
const WINDOW_MS = 5_000;
/** Below this much elapsed time there is no honest estimate yet. */
const MIN_SPAN_MS = 500;

export interface RateEstimate {
  bytesPerSecond: number;
  /** Seconds left, or null while unknown (too early, stalled, or total unknown). */
  secondsLeft: number | null;
}

export class RateMeter {
  private samples: { at: number; loaded: number }[] = [];

  /** Records how many bytes are loaded at time `at` (ms); returns the estimate. */
  sample(loaded: number, total: number, at: number): RateEstimate {
    const last = this.samples.at(-1);
    // Progress went backwards: a new download (or a retry) started; forget the old one.
    if (last && loaded < last.loaded) this.samples = [];
    this.samples.push({ at, loaded });
    this.samples = this.samples.filter((s) => at - s.at <= WINDOW_MS);
    const first = this.samples[0]!;
    const span = at - first.at;
    if (span < MIN_SPAN_MS) return { bytesPerSecond: 0, secondsLeft: null };
    const bytesPerSecond = ((loaded - first.loaded) * 1000) / span;
    const secondsLeft = bytesPerSecond > 0 && total > loaded ? (total - loaded) / bytesPerSecond : null;
    return { bytesPerSecond, secondsLeft: total > 0 && loaded >= total ? 0 : secondsLeft };
  }
}

/** "about 3 min", "12 s", "1 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
