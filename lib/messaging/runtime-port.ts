/**
 * The slice of `chrome.runtime.Port` the messaging layer uses. Declared structurally so
 * unit tests can pass an in-memory pair instead of a browser.
 */
export interface PortSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface RuntimePort {
  readonly name: string;
  readonly sender?: PortSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  readonly onDisconnect: {
    addListener(listener: () => void): void;
  };
}
