/**
 * The shapes of Comlink's wire messages (Comlink does not export them), and the
 * checks the messaging layer needs: telling requests from replies, and building a
 * "throw" reply so a caller's promise rejects instead of hanging.
 */

/** Message types that ask the other side to do something; each gets exactly one reply. */
export const REQUEST_TYPES = ['GET', 'SET', 'APPLY', 'CONSTRUCT', 'ENDPOINT', 'RELEASE'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export interface WireRequest {
  id: string;
  type: RequestType;
  path?: string[];
  argumentList?: unknown[];
  value?: unknown;
}

export interface WireReply {
  id: string;
  type: 'RAW' | 'HANDLER';
  name?: string;
  value?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `record` has no fields but `keys`: the other side may not smuggle extra data. */
export function hasOnlyKeys(record: object, keys: readonly string[]): boolean {
  return Object.keys(record).every((key) => keys.includes(key));
}

export function isWireRequest(message: unknown): message is WireRequest {
  return (
    isRecord(message) && typeof message.id === 'string' && (REQUEST_TYPES as readonly unknown[]).includes(message.type)
  );
}

export function isWireReply(message: unknown): message is WireReply {
  return isRecord(message) && typeof message.id === 'string' && (message.type === 'RAW' || message.type === 'HANDLER');
}

/** A reply that makes the caller's awaited call reject with `name: message`. */
export function throwReply(id: string, name: string, message: string): WireReply {
  return { id, type: 'HANDLER', name: 'throw', value: { isError: true, value: { name, message } } };
}
