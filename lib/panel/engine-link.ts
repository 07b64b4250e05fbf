/**
 * The panel's one engine connection and the engine's live status. If the engine goes
 * away (its document was closed or crashed), calls in flight fail with a clear error and
 * the link reconnects; services ask for `engine` at the moment they need it, so they
 * survive a reconnect with their state intact.
 */
import * as Comlink from 'comlink';
import type { EngineStatus } from '@/lib/engine';
import { EngineUnavailableError, type EngineConnection, type EngineRemote } from '@/lib/messaging';
import { Observable, type Readable } from './observable';
import { i18n } from '@/lib/i18n';

export interface EngineLinkState {
  engine: EngineRemote | null;
  status: EngineStatus | null;
  /** Why the engine could not be reached, to show instead of the features. */
  fatal: string | null;
}

export interface EngineLinkDeps {
  connect(): Promise<EngineConnection>;
  /** Milliseconds before the next try after a drop, and after a failed connect. */
  retryMs?: { afterDrop: number; afterFailure: number };
}

export class EngineLink {
  private readonly current = new Observable<EngineLinkState>({ engine: null, status: null, fatal: null });
  private connection: EngineConnection | null = null;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly retryMs: { afterDrop: number; afterFailure: number };

  constructor(private readonly deps: EngineLinkDeps) {
    this.retryMs = deps.retryMs ?? { afterDrop: 500, afterFailure: 5000 };
  }

  get state(): Readable<EngineLinkState> {
    return this.current;
  }

  /** The engine now; throws a clear error while it is not connected. */
  get engine(): EngineRemote {
    const engine = this.current.value.engine;
    if (!engine) throw new EngineUnavailableError(i18n.t('engineErrors.notConnectedYet'));
    return engine;
  }

  /** Connects, and keeps reconnecting until `close`. */
  start(): void {
    void this.attempt();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.connection?.close();
  }

  private async attempt(): Promise<void> {
    let connection: EngineConnection | undefined;
    try {
      connection = await this.deps.connect();
      if (this.closed) return connection.close();
      this.connection = connection;
      this.current.set({ engine: connection.engine, status: null, fatal: null });
      connection.onDisconnect(() => {
        if (this.closed) return;
        this.connection = null;
        this.current.set({ engine: null, status: null, fatal: null });
        this.retry(this.retryMs.afterDrop);
      });
      await connection.engine.watchStatus(
        Comlink.proxy((status: EngineStatus) => {
          if (this.connection === connection) this.current.set({ ...this.current.value, status });
        }),
      );
    } catch (error) {
      // A connection that dropped while status was being watched is retried by its onDisconnect.
      if (this.closed || connection) return;
      // Say why, and keep trying: the engine document may come back (after an update, a crash).
      this.current.set({ engine: null, status: null, fatal: error instanceof Error ? error.message : String(error) });
      this.retry(this.retryMs.afterFailure);
    }
  }

  private retry(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.attempt(), ms);
  }
}
