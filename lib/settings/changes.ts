/**
 * Settings changes, heard by every extension page and the engine at once. Settings live in
 * IndexedDB (the offscreen engine has no `chrome.storage`), which has no change events, so
 * a save is announced on a `BroadcastChannel`: every same-origin context (side panel,
 * options page, offscreen document) hears it, including other listeners in the page that
 * saved. Why: issue 11 (the panel kept offering the old model after the options page saved).
 * https://developer.mozilla.org/docs/Web/API/BroadcastChannel
 */

const CHANNEL = 'edgewise:settings';

/** Tells every context that the settings changed (they read them again). */
export function announceSettingsChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `listener` after every settings save anywhere in the extension; returns the unsubscribe. */
export function watchSettings(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
