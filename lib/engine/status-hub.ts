import type { EngineStatus, StatusListener } from './api';

/** The engine's current status and everyone watching it. */
export class StatusHub {
  private current: EngineStatus = { state: 'idle' };
  private readonly watchers = new Set<StatusListener>();

  get status(): EngineStatus {
    return this.current;
  }

  /** Adds a watcher, tells it the current status at once, and returns how to stop watching. */
  watch(listener: StatusListener): () => void {
    this.watchers.add(listener);
    listener(this.current);
    return () => this.watchers.delete(listener);
  }

  set(status: EngineStatus): void {
    this.current = status;
    for (const watcher of this.watchers) {
      try {
        watcher(status);
      } catch {
        // A watcher whose context went away must not break the engine.
        this.watchers.delete(watcher);
      }
    }
  }
}
