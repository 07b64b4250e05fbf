/**
 * Records every network request every target of the browser makes: pages and their
 * frames, the extension's service worker, its offscreen document and its own pages. It
 * speaks CDP over the browser's debugging port, auto-attaching (flattened) to each target
 * as it appears and enabling the Network domain there, so nothing the extension does can
 * leave unseen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface CapturedRequest {
  url: string;
  method: string;
  /** The request body, when there is one ('' otherwise). */
  body: string;
  /**
   * What made it: the target's type (page, service_worker, other for the offscreen
   * document…) and the URL of the document it was made for (the target's URL at attach
   * time, often still empty, when the request names none).
   */
  target: { type: string; url: string };
}

export interface NetworkCapture {
  requests: CapturedRequest[];
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

type CdpMessage = {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
};

/** The debugging port Chromium chose (it writes it to the profile when started with port 0). */
export function debuggingPort(userDataDir: string): number {
  return Number(readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
}

export async function captureNetwork(port: number): Promise<NetworkCapture> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const requests: CapturedRequest[] = [];
  const targets = new Map<string, TargetInfo>();
  let ids = 0;
  const send = (method: string, params: object = {}, sessionId?: string) =>
    socket.send(JSON.stringify({ id: ++ids, method, params, ...(sessionId ? { sessionId } : {}) }));
  const autoAttach = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as CdpMessage;
    const params = message.params ?? {};
    if (message.method === 'Target.attachedToTarget') {
      const sessionId = params.sessionId as string;
      targets.set(sessionId, params.targetInfo as TargetInfo);
      // Network first, then let the target run: no request it makes at start is missed.
      send('Network.enable', {}, sessionId);
      send('Target.setAutoAttach', autoAttach, sessionId);
      send('Runtime.runIfWaitingForDebugger', {}, sessionId);
    } else if (message.method === 'Network.requestWillBeSent' && message.sessionId) {
      const request = params.request as { url: string; method: string; postData?: string };
      const target = targets.get(message.sessionId);
      const documentUrl = typeof params.documentURL === 'string' ? params.documentURL : '';
      requests.push({
        url: request.url,
        method: request.method,
        body: request.postData ?? '',
        target: { type: target?.type ?? 'unknown', url: documentUrl || target?.url || '' },
      });
    }
  });
  send('Target.setAutoAttach', autoAttach);
  return {
    requests,
    close: async () => {
      socket.close();
      await new Promise((resolve) => socket.once('close', resolve));
    },
  };
}
