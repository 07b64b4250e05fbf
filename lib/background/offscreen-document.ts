/**
 * The one wrapper around `chrome.offscreen`: the engine's document exists exactly once.
 *
 * Chrome allows a single offscreen document per extension and fails `createDocument`
 * if one exists, so concurrent callers share one in-flight promise, and the existence
 * check asks `runtime.getContexts` (the service worker may have restarted and lost
 * any memory of having created it).
 */
import type { WxtBrowser } from 'wxt/browser';

/** The browser APIs this needs, as WXT types them. */
export type OffscreenApis = {
  runtime: Pick<WxtBrowser['runtime'], 'getURL' | 'getContexts'>;
  offscreen: Pick<WxtBrowser['offscreen'], 'createDocument'>;
};

/** Path of the engine document inside the extension. */
export const OFFSCREEN_PATH = '/offscreen.html';

let pending: Promise<void> | undefined;

/** Resolves once the engine document exists; creates it if needed. Safe to call concurrently. */
export function ensureOffscreenDocument(apis: OffscreenApis): Promise<void> {
  pending ??= createIfMissing(apis).finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Whether the engine document is open now. */
export async function hasOffscreenDocument(apis: OffscreenApis): Promise<boolean> {
  const url = apis.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await apis.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  return contexts.length > 0;
}

async function createIfMissing(apis: OffscreenApis): Promise<void> {
  if (await hasOffscreenDocument(apis)) return;
  try {
    await apis.offscreen.createDocument({
      url: apis.runtime.getURL(OFFSCREEN_PATH),
      // WORKERS: the document exists to run the model (ONNX Runtime, WebGPU/WASM) off the
      // service worker, which Chrome stops when idle. This reason has no lifetime limit.
      reasons: ['WORKERS'],
      justification: 'Runs the on-device language model outside the service worker.',
    });
  } catch (error) {
    // Another extension context may have created it between our check and the call.
    if (await hasOffscreenDocument(apis)) return;
    throw error;
  }
}
