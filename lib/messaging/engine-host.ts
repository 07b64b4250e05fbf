/**
 * The offscreen side of the engine connection: accepts runtime ports from this
 * extension's pages and content scripts, checks every message, and exposes a
 * per-connection {@link EngineSession} through Comlink.
 */
import * as Comlink from 'comlink';
import type { EngineAdminApi } from '@/lib/engine';
import type { WxtBrowser } from 'wxt/browser';
import { EngineSession } from './engine-session';
import { PortMux } from './port-mux';
import { ENGINE_PORT, classifySender } from './protocol';
import { CONTENT_SCRIPT_METHODS, EXTENSION_PAGE_METHODS, checkCallbackReply, checkEngineCall } from './validate';

/** What the engine host needs of `runtime`, as WXT types it. */
export type HostRuntime = Pick<WxtBrowser['runtime'], 'id' | 'getURL' | 'onConnect'>;

/** Starts answering engine connections. Ports from anywhere else are disconnected at once. */
export function serveEngine(engine: EngineAdminApi, runtime: HostRuntime): void {
  const origin = runtime.getURL('/');
  runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    const role = classifySender(port.sender, runtime.id, origin);
    if (!role) {
      port.disconnect();
      return;
    }
    const allowed = role === 'content-script' ? CONTENT_SCRIPT_METHODS : EXTENSION_PAGE_METHODS;
    const mux = new PortMux(port, 'host', (channel, message) =>
      channel === 'root' ? checkEngineCall(message, allowed) : checkCallbackReply(message),
    );
    const session = new EngineSession(engine);
    mux.onDisconnect(() => session.end());
    Comlink.expose(session, mux.endpoint);
  });
}
