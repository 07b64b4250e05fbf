/**
 * "Test connection" for the model host setting: asks the host for a model's `config.json`,
 * the way a download starts, from the engine document, whose connections are the ones
 * downloads use (the panel's own CSP allows none). Only the user's click sends it.
 */
import type { Fetch } from './verified-fetch';

/** What a host said; the panel puts it in words (this document has no `chrome.i18n`). */
export type HostCheck =
  { ok: true; ms: number } | { ok: false; problem: 'unreachable' | 'not-found' | 'refused'; status?: number };

/** Asks `host` (normalised, ending in `/`) for `modelId`'s config, with a time limit. */
export async function checkModelHost(
  host: string,
  modelId: string,
  fetch: Fetch = (input, init) => globalThis.fetch(input, init),
  timeoutMs = 10_000,
): Promise<HostCheck> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(`${host}${modelId}/resolve/main/config.json`, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (response.ok) return { ok: true, ms: Math.round(performance.now() - started) };
  if (response.status === 404) return { ok: false, problem: 'not-found', status: 404 };
  return { ok: false, problem: 'refused', status: response.status };
}
