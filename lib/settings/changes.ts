/**
 * Changes to stored data (settings, page memory), heard by every extension context at once. IndexedDB has no change
 * events, so a write is announced on a `BroadcastChannel`: every same-origin context (side
 * panel, options page, offscreen document, background) hears it, including other listeners
 * in the context that wrote. Why: issue 11 (the panel kept offering the old model after the
 * options page saved) and issue 12 (the background remembers pages an open panel lists).
 * https://developer.mozilla.org/docs/Web/API/BroadcastChannel
 */

/** What changed: the settings record, page memory, or the egress log (written by the offscreen document). */
export type StoreTopic = 'settings' | 'memory' | 'egress';

const channelName = (topic: StoreTopic) => `edgewise:${topic}`;

/** Tells every context that `topic` changed (they read it again). */
export function announceChange(topic: StoreTopic): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(channelName(topic));
  channel.postMessage('changed');
  channel.close();
}

/** Calls `listener` after every change to `topic` anywhere in the extension; returns the unsubscribe. */
export function watchChanges(topic: StoreTopic, listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName(topic));
  channel.onmessage = () => listener();
  return () => channel.close();
}
