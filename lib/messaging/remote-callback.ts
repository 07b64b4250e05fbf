/**
 * Helpers for callbacks that arrive through Comlink: they are remote functions, so
 * calling one returns a promise that rejects if the caller's context is gone.
 */
import { releaseProxy } from 'comlink';

/** Calls a remote callback without waiting; `onGone` runs if the other side no longer answers. */
export function notify<T>(callback: ((value: T) => void) | undefined, value: T, onGone?: () => void): void {
  if (!callback) return;
  try {
    const result: unknown = callback(value);
    if (result instanceof Promise) result.catch(() => onGone?.());
  } catch {
    onGone?.();
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
