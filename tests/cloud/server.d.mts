/** Typings for the local OpenAI-compatible test server (tests/cloud/server.mjs). */
import type { IncomingHttpHeaders } from 'node:http';

export interface CloudRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received. */
  body: string;
  /** HTTP status sent; -1 = never answered (hang), -2 = stream cut. */
  status: number;
  at: number;
}

export type CloudFault =
  /** Answer with this status and an OpenAI-style error body (`retry-after` when given). */
  | { kind: 'status'; status: number; retryAfter?: number | string; message?: string }
  /** Send this many events, then destroy the socket. */
  | { kind: 'cut'; afterChunks: number }
  /** Take the request and never answer. */
  | { kind: 'hang' }
  /** A whole answer without the usage chunk (servers that ignore `stream_options`). */
  | { kind: 'noUsage' };

export interface CloudServer {
  /** Without trailing slash, e.g. `http://127.0.0.1:40123`; the API is under `/v1/`. */
  url: string;
  requests: CloudRequest[];
  clearLog(): void;
  setFault(fault: CloudFault | null): void;
  close(): Promise<void>;
}

export interface CloudOptions {
  port?: number;
  host?: string;
  /** Characters per streamed chunk (default 6). */
  chunkChars?: number;
  /** The reply echoes at most this many of the last user message's characters (default 400). */
  answerChars?: number;
  /** Between chunks (default 2 ms). */
  delayMs?: number;
}

/** The reply's first words: "Cloud answer: " + the end of the last user message. */
export const ANSWER_PREFIX: string;

export function startCloud(options?: CloudOptions): Promise<CloudServer>;
