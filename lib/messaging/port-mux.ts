/**
 * A Comlink `Endpoint` over a `chrome.runtime.Port`.
 *
 * Why: Comlink's `proxy()` (our streaming callbacks) transfers `MessagePort`s, and
 * runtime ports only carry JSON. The mux replaces each `MessagePort` in an outgoing
 * message with a marker naming a virtual channel, and keeps the real port locally as
 * a bridge; the other side makes a fresh `MessageChannel` for the marker. Every
 * channel then travels as `{ ch, msg }` frames over the one runtime port.
 *
 * Order is kept within a channel, not across channels: a reply on the root channel may
 * overtake callback calls made just before it. Callers that need "all chunks before the
 * result" wait for their callbacks' acknowledgements (see `RemoteCallback.flush`).
 *
 * It also guarantees no call hangs: requests in flight when the runtime port
 * disconnects are answered with a "disconnected" error.
 */
import type { Endpoint } from 'comlink';
import { isRecord, isWireReply, isWireRequest, throwReply } from './comlink-wire';
import type { RuntimePort } from './runtime-port';

const PORT_MARKER = '$edgewisePort';
const ROOT = 0;

interface Frame {
  ch: number;
  msg: unknown;
}

/** Decides whether an incoming message may reach Comlink; returns the reason to refuse, or null. */
export type IncomingCheck = (channel: 'root' | 'callback', message: unknown) => string | null;

type MessageListener = (event: { data: unknown }) => void;

export class PortMux {
  private nextChannel: number;
  private readonly bridges = new Map<number, MessagePort>();
  private readonly rootListeners = new Set<MessageListener>();

  /** Request ids we forwarded and still owe a reply for, by channel. */
  private readonly inFlight = new Map<number, Set<string>>();
  /** Channels released by Comlink; closed once the release is acknowledged. */
  private readonly releasing = new Set<number>();
  private readonly disconnectListeners = new Set<() => void>();
  private connected = true;

  /** The endpoint for channel 0, to pass to `Comlink.wrap` or `Comlink.expose`. */
  readonly endpoint: Endpoint;

  constructor(
    private readonly port: RuntimePort,
    side: 'client' | 'host',
    private readonly check: IncomingCheck = () => null,
  ) {
    // Each side numbers the channels it creates; odd/even keeps the two from colliding.
    this.nextChannel = side === 'client' ? 1 : 2;
    port.onMessage.addListener((frame) => this.receive(frame));
    port.onDisconnect.addListener(() => this.shutdown('The connection to the Edgewise engine was lost.'));
    this.endpoint = {
      postMessage: (message: unknown) => this.send(ROOT, message),
      addEventListener: (type: string, listener: unknown) => {
        if (type === 'message') this.rootListeners.add(listener as MessageListener);
      },
      removeEventListener: (type: string, listener: unknown) => {
        if (type === 'message') this.rootListeners.delete(listener as MessageListener);
      },
    } as Endpoint;
  }

  get isConnected(): boolean {
    return this.connected;
  }

  /** Runs `listener` once when the runtime port goes away (tab closed, page navigated, engine gone). */
  onDisconnect(listener: () => void): void {
    if (this.connected) this.disconnectListeners.add(listener);
    else listener();
  }

  /** Closes the runtime port and fails every call still in flight. */
  close(reason = 'The connection to the Edgewise engine was closed.'): void {
    if (!this.connected) return;
    this.port.disconnect();
    this.shutdown(reason);
  }

  private send(ch: number, message: unknown): void {
    if (!this.connected) {
      // Answer locally, so the caller gets an error instead of waiting forever.
      if (isWireRequest(message))
        this.deliver(ch, throwReply(message.id, 'EngineDisconnected', 'The Edgewise engine is not connected.'));
      return;
    }
    this.track(ch, message, 'out');
    const frame: Frame = { ch, msg: this.encode(message) };
    try {
      this.port.postMessage(frame);
    } catch (error) {
      this.shutdown(
        `The connection to the Edgewise engine failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private receive(frame: unknown): void {
    if (!isRecord(frame) || typeof frame.ch !== 'number' || !Number.isInteger(frame.ch)) return;
    const ch = frame.ch;
    if (ch !== ROOT && !this.bridges.has(ch)) return;
    const refusal = this.check(ch === ROOT ? 'root' : 'callback', frame.msg);
    if (refusal) {
      if (isWireRequest(frame.msg)) this.send(ch, throwReply(frame.msg.id, 'MessageRejected', refusal));
      return;
    }
    this.track(ch, frame.msg, 'in');
    const transfer: MessagePort[] = [];
    const message = this.decode(frame.msg, transfer);
    this.deliver(ch, message, transfer);
  }

  private deliver(ch: number, message: unknown, transfer: MessagePort[] = []): void {
    if (ch === ROOT) {
      for (const listener of [...this.rootListeners]) listener({ data: message });
      return;
    }
    this.bridges.get(ch)?.postMessage(message, transfer);
  }

  /** Remembers requests that await replies, and closes channels whose release was answered. */
  private track(ch: number, message: unknown, direction: 'in' | 'out'): void {
    if (isWireRequest(message)) {
      if (direction === 'out') {
        const ids = this.inFlight.get(ch) ?? new Set<string>();
        ids.add(message.id);
        this.inFlight.set(ch, ids);
      }
      if (message.type === 'RELEASE' && ch !== ROOT) this.releasing.add(ch);
    } else if (isWireReply(message)) {
      this.inFlight.get(ch)?.delete(message.id);
      if (this.releasing.has(ch)) queueMicrotask(() => this.closeChannel(ch));
    }
  }

  private closeChannel(ch: number): void {
    this.releasing.delete(ch);
    this.inFlight.delete(ch);
    this.bridges.get(ch)?.close();
    this.bridges.delete(ch);
  }

  private encode(value: unknown): unknown {
    if (typeof MessagePort !== 'undefined' && value instanceof MessagePort) {
      const ch = this.nextChannel;
      this.nextChannel += 2;
      this.openBridge(ch, value);
      return { [PORT_MARKER]: ch };
    }
    if (Array.isArray(value)) return value.map((item) => this.encode(item));
    if (isRecord(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.encode(item)]));
    }
    return value;
  }

  private decode(value: unknown, transfer: MessagePort[]): unknown {
    if (Array.isArray(value)) return value.map((item) => this.decode(item, transfer));
    if (!isRecord(value)) return value;
    const marker = value[PORT_MARKER];
    if (typeof marker === 'number' && Object.keys(value).length === 1) {
      const { port1, port2 } = new MessageChannel();
      this.openBridge(marker, port2);
      transfer.push(port1);
      return port1;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.decode(item, transfer)]));
  }

  /** Forwards everything Comlink posts on `local` to the other side as channel `ch`. */
  private openBridge(ch: number, local: MessagePort): void {
    this.bridges.set(ch, local);
    local.onmessage = (event) => this.send(ch, event.data);
  }

  private shutdown(reason: string): void {
    if (!this.connected) return;
    this.connected = false;
    for (const [ch, ids] of this.inFlight) {
      for (const id of ids) this.deliver(ch, throwReply(id, 'EngineDisconnected', reason));
    }
    this.inFlight.clear();
    // Let the replies above reach their ports before closing them.
    setTimeout(() => {
      for (const bridge of this.bridges.values()) bridge.close();
      this.bridges.clear();
    }, 0);
    for (const listener of this.disconnectListeners) listener();
    this.disconnectListeners.clear();
  }
}
