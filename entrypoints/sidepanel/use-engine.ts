/**
 * The panel's one engine connection, and the engine's live status. If the engine goes
 * away (its document was closed or crashed), calls in flight fail with a clear error
 * and the panel reconnects.
 */
import * as Comlink from 'comlink';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EngineStatus } from '@/lib/engine';
import { connectEngine, type ClientRuntime, type EngineConnection } from '@/lib/messaging';

export interface EngineState {
  connection: EngineConnection | null;
  status: EngineStatus | null;
  /** Why the engine could not be reached, to show instead of the features. */
  fatal: string | null;
}

export function useEngine(): EngineState {
  const [connection, setConnection] = useState<EngineConnection | null>(null);
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let open: EngineConnection | undefined;
    let closed = false;
    connectEngine(browser.runtime as unknown as ClientRuntime)
      .then(async (conn) => {
        open = conn;
        setFatal(null);
        setConnection(conn);
        conn.onDisconnect(() => {
          if (closed) return;
          setConnection(null);
          setStatus(null);
          setTimeout(() => setAttempt((n) => n + 1), 500);
        });
        await conn.engine.watchStatus(Comlink.proxy((next: EngineStatus) => setStatus(next)));
      })
      .catch((e: unknown) => {
        if (closed) return;
        // Say why, and keep trying: the engine document may come back (after an update, a crash).
        setFatal(e instanceof Error ? e.message : String(e));
        setTimeout(() => setAttempt((n) => n + 1), 5000);
      });
    return () => {
      closed = true;
      open?.close();
    };
  }, [attempt]);

  return { connection, status, fatal };
}
