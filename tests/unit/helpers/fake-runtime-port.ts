/**
 * An in-memory pair of `chrome.runtime.Port`s. Messages are JSON-copied and delivered
 * asynchronously, as Chrome does, so the port mux is tested under the same limits.
 */
import type { PortSender, RuntimePort } from '@/lib/messaging';

type Listener<T extends unknown[]> = (...args: T) => void;

class FakePort implements RuntimePort {
  peer!: FakePort;
  private readonly messageListeners = new Set<Listener<[unknown]>>();
  private readonly disconnectListeners = new Set<Listener<[]>>();
  connected = true;
  readonly sent: unknown[] = [];

  constructor(
    readonly name: string,
    readonly sender?: PortSender,
  ) {}

  readonly onMessage = {
    addListener: (l: Listener<[unknown]>) => void this.messageListeners.add(l),
    removeListener: (l: Listener<[unknown]>) => void this.messageListeners.delete(l),
  };
  readonly onDisconnect = { addListener: (l: Listener<[]>) => void this.disconnectListeners.add(l) };

  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(message);
    const copy: unknown = JSON.parse(JSON.stringify(message));
    setTimeout(() => {
      if (this.peer.connected) this.peer.messageListeners.forEach((l) => l(copy));
    }, 0);
  }

  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    // Like Chrome: the side that disconnects gets no event; the other side does.
    this.peer.connected = false;
    setTimeout(() => this.peer.disconnectListeners.forEach((l) => l()), 0);
  }
}

/** Two connected ports: `client` is what `runtime.connect` returns, `host` what `onConnect` receives. */
export function fakePortPair(name: string, sender?: PortSender): { client: FakePort; host: FakePort } {
  const client = new FakePort(name);
  const host = new FakePort(name, sender);
  client.peer = host;
  host.peer = client;
  return { client, host };
}
