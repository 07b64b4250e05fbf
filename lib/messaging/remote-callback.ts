/**
 * Callbacks that arrive through Comlink are remote functions: calling one returns a
 * promise that settles when the other side has run it, and rejects if that side is gone.
 */
import { releaseProxy } from 'comlink';

/**
 * Fire-and-forget calls to a remote callback, with a `flush` that waits until every call
 * made so far has run on the other side. Replies on one channel come back in order, so
 * waiting for the last call is enough.
 */
export class RemoteCallback<T> {
  private last: Promise<unknown> = Promise.resolve();
  private gone = false;

  /** `onGone` runs once if the other side stops answering (its context closed). */
  constructor(
    private readonly callback: ((value: T) => unknown) | undefined,
    private readonly onGone?: () => void,
  ) {}

  get alive(): boolean {
    return Boolean(this.callback) && !this.gone;
  }

  call(value: T): void {
    if (!this.callback || this.gone) return;
    try {
      this.last = Promise.resolve(this.callback(value)).catch(() => this.markGone());
    } catch {
      this.markGone();
    }
  }

  /** Resolves once every call so far has been handled (or the other side is gone). */
  async flush(): Promise<void> {
    await this.last;
  }

  /** Frees the channel behind the callback; call once it will not be called again. */
  release(): void {
    release(this.callback);
  }

  private markGone(): void {
    if (this.gone) return;
    this.gone = true;
    this.onGone?.();
  }
}

/** Frees the channel behind a remote callback once we will not call it again. */
export function release(callback: unknown): void {
  if (typeof callback !== 'function') return;
  const release = (callback as unknown as Record<typeof releaseProxy, (() => unknown) | undefined>)[releaseProxy];
  try {
    const done = release?.();
    if (done instanceof Promise) done.catch(() => undefined);
  } catch {
    // Already released or disconnected: nothing left to free.
  }
}
