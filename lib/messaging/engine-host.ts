/**
 * The offscreen side of the engine connection: accepts runtime ports from this
 * extension's pages, checks every message, and exposes a per-connection
 * {@link EngineSession} through Comlink.
 *
 * Content scripts are refused: no feature in a page needs the engine yet, and code in
 * a page's content-script world could otherwise start multi-GB downloads or flood the
 * queue without the user's yes (issue 10). A feature that needs one gets its own,
 * narrower surface, not this one.
 */
import * as Comlink from 'comlink';
import type { EngineAdminApi } from '@/lib/engine';
import type { WxtBrowser } from 'wxt/browser';
import { EngineSession } from './engine-session';
import { PortMux } from './port-mux';
import { ENGINE_PORT, classifySender } from './protocol';
import { checkCallbackReply, checkEngineCall } from './validate';

/** What the engine host needs of `runtime`, as WXT types it. */
export type HostRuntime = Pick<WxtBrowser['runtime'], 'id' | 'getURL' | 'onConnect'>;

/** Starts answering engine connections. Ports from anywhere but an extension page are disconnected at once. */
export function serveEngine(engine: EngineAdminApi, runtime: HostRuntime): void {
  const origin = runtime.getURL('/');
  runtime.onConnect.addListener((port) => {
    if (port.name !== ENGINE_PORT) return;
    if (classifySender(port.sender, runtime.id, origin) !== 'extension-page') {
      port.disconnect();
      return;
    }
    const mux = new PortMux(port, 'host', (channel, message) =>
      channel === 'root' ? checkEngineCall(message) : checkCallbackReply(message),
    );
    const session = new EngineSession(engine);
    mux.onDisconnect(() => session.end());
    Comlink.expose(session, mux.endpoint);
  });
}
