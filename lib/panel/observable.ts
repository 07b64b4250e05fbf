/**
 * The two ways panel services talk to views: a value that changes (an `Observable`, read
 * with `value` and watched with `subscribe`), and typed one-off events (an `Emitter`).
 * Views never receive bumped counters: they read state, or they hear an event by name.
 */

/** A value views can read and watch; only its owner sets it. */
export interface Readable<T> {
  readonly value: T;
  /** Calls `listener` after every change; returns how to stop. */
  subscribe(listener: () => void): () => void;
}

export class Observable<T> implements Readable<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set(next: T): void {
    if (Object.is(next, this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Typed events: `Events` maps each event name to its payload. */
export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>();

  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) (listener as (p: Events[K]) => void)(payload);
  }
}
