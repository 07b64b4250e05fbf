/** Typings for the local test hub (tests/hub/server.mjs). */

export interface HubRequest {
  method: string;
  /** Decoded URL path, e.g. `/edgewise-test/echo-tiny/resolve/main/config.json`. */
  path: string;
  /** HTTP status sent; -1 = socket destroyed before a response (hangup), -200 = truncated body, -201 = corrupt body. */
  status: number;
  /** `Date.now()` when the request arrived. */
  at: number;
}

export type HubFault =
  /** 404 for paths containing `match` (all paths if omitted). */
  | { kind: 'notFound'; match?: string }
  /** Full Content-Length header, but only `afterBytes` (default: half) of the body, then the socket is destroyed. */
  | { kind: 'truncate'; match?: string; afterBytes?: number }
  /** Destroy the socket before sending any response. */
  | { kind: 'hangup'; match?: string }
  /** Throttle the body to `bytesPerSecond`. */
  | { kind: 'slow'; match?: string; bytesPerSecond: number }
  /** The full length, but wrong bytes (what a content hash catches and a length check does not). */
  | { kind: 'corrupt'; match?: string }
  /** Answer every matching request with this HTTP status (a host that is down or refuses). */
  | { kind: 'status'; match?: string; status: number };

export interface Hub {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in order. */
  requests: HubRequest[];
  clearLog(): void;
  setFault(fault: HubFault | null): void;
  close(): Promise<void>;
}

export interface HubOptions {
  /** Directory holding `{owner}/{repo}/{files}` (a repo may borrow files through its {@link ALIAS_FILE}). */
  root: string;
  /** 0 (default) = ephemeral port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Log each request to stdout. */
  log?: boolean;
}

export function startHub(options: HubOptions): Promise<Hub>;

/**
 * `hub-alias.json`: `{ "filesFrom": "owner/repo", "files": ["onnx/model.onnx"] }` in a repo
 * folder serves those files, when the folder lacks them, from the named repo's folder.
 * Never served itself.
 */
export const ALIAS_FILE: string;

/**
 * The file on disk the hub serves for `file` of `repoId` (own copy, else the aliased one), or
 * null where the hub answers 404. For tests that read fixture files directly.
 */
export function resolveModelFile(root: string, repoId: string, file: string): string | null;
