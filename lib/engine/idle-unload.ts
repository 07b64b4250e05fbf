/**
 * Unloads the model after it has been unused for the user's idle time, so it does not
 * hold hundreds of megabytes (or a GPU) forever. Work restarts the countdown.
 */
export class IdleUnloader {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Read at every arming, so a changed setting applies to a model already loaded. */
    private readonly minutes: () => Promise<number>,
    /** True while a model is loaded and nothing is queued or running. */
    private readonly idle: () => boolean,
    private readonly unload: () => void,
  ) {}

  /** Restarts the countdown; `0` minutes means never. */
  arm(known?: number): void {
    this.cancel();
    if (!this.idle()) return;
    void (known === undefined ? this.minutes() : Promise.resolve(known)).then((minutes) => {
      if (!minutes || !this.idle()) return;
      this.cancel();
      this.timer = setTimeout(() => {
        // Work that arrived since the timer was armed keeps the model (it re-arms when done).
        if (this.idle()) this.unload();
      }, minutes * 60_000);
    });
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
