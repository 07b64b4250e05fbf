/**
 * The slice of `chrome.runtime.Port` the messaging layer uses, picked from WXT's own
 * types: a real port is one, and unit tests pass an in-memory pair.
 */
import type { Browser } from 'wxt/browser';

type Port = Browser.runtime.Port;

/** Who opened a port, as far as permissions go. */
export type PortSender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin' | 'frameId'> & {
  tab?: Pick<Browser.tabs.Tab, 'id'>;
};

export type RuntimePort = Pick<Port, 'name' | 'postMessage' | 'disconnect'> & {
  readonly sender?: PortSender;
  readonly onMessage: Pick<Port['onMessage'], 'addListener' | 'removeListener'>;
  readonly onDisconnect: Pick<Port['onDisconnect'], 'addListener'>;
};
