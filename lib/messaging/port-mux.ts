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
import { hasOnlyKeys, isRecord, isWireReply, isWireRequest, throwReply } from './comlink-wire';
import type { RuntimePort } from './runtime-port';

const PORT_MARKER = '$edgewisePort';
const ROOT = 0;
/** Open callbacks one connection may hold: far above what the panel uses, low enough to refuse floods. */
export const MAX_CHANNELS = 256;

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
    if (!isRecord(frame) || !hasOnlyKeys(frame, ['ch', 'msg'])) return;
    const ch = frame.ch;
    if (typeof ch !== 'number' || !Number.isInteger(ch)) return;
    if (ch !== ROOT && !this.bridges.has(ch)) return;
    const refusal = this.markerProblem(frame.msg) ?? this.check(ch === ROOT ? 'root' : 'callback', frame.msg);
    if (refusal) {
      if (isWireRequest(frame.msg)) this.send(ch, throwReply(frame.msg.id, 'MessageRejected', refusal));
      return;
    }
    this.track(ch, frame.msg, 'in');
    const transfer: MessagePort[] = [];
    const message = mapCallbacks(frame.msg, (value) => {
      const callback = markerChannel(value);
      if (callback === null) return value;
      const { port1, port2 } = new MessageChannel();
      this.openBridge(callback, port2);
      transfer.push(port1);
      return port1;
    });
    this.deliver(ch, message, transfer);
  }

  /**
   * Why a message's callback markers cannot be honoured, or null. Markers count only as
   * the value of a declared callback (Comlink's `proxy` handler), must name a fresh
   * channel of the other side's numbering, and may not push a connection past
   * {@link MAX_CHANNELS} open callbacks.
   */
  private markerProblem(message: unknown): string | null {
    const markers: number[] = [];
    mapCallbacks(message, (value) => {
      const ch = markerChannel(value);
      if (ch !== null) markers.push(ch);
    });
    if (this.bridges.size + markers.length > MAX_CHANNELS) return 'too many open callbacks on this connection';
    const theirs = (this.nextChannel + 1) % 2;
    const fresh = markers.every((m) => m > ROOT && m % 2 === theirs && !this.bridges.has(m));
    return fresh && new Set(markers).size === markers.length ? null : 'bad callback channel';
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

  private encode(message: unknown): unknown {
    return mapCallbacks(message, (port) => {
      if (typeof MessagePort === 'undefined' || !(port instanceof MessagePort)) return port;
      const ch = this.nextChannel;
      this.nextChannel += 2;
      this.openBridge(ch, port);
      return { [PORT_MARKER]: ch };
    });
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

/**
 * `message` with each callback's value passed through `replace`. Comlink puts a callback
 * only in a `proxy` handler: an argument of a call, or the value of a reply. A marker
 * anywhere else stays plain data, so a sender cannot make the mux open channels by
 * hiding markers in ordinary values.
 */
function mapCallbacks(message: unknown, replace: (value: unknown) => unknown): unknown {
  const handler = (wire: unknown): unknown =>
    isRecord(wire) && wire.type === 'HANDLER' && wire.name === 'proxy' ? { ...wire, value: replace(wire.value) } : wire;
  if (isWireRequest(message) && Array.isArray(message.argumentList))
    return { ...message, argumentList: message.argumentList.map(handler) };
  if (isWireReply(message)) return handler(message);
  return message;
}

/** The channel a port marker names, or null if `value` is not exactly a marker. */
function markerChannel(value: unknown): number | null {
  if (!isRecord(value) || !hasOnlyKeys(value, [PORT_MARKER])) return null;
  const ch = value[PORT_MARKER];
  return typeof ch === 'number' && Number.isInteger(ch) ? ch : null;
}
