/**
 * Makes every model step give the event loop a turn.
 *
 * Why: on WASM, ONNX Runtime's `run` settles through microtasks only, so a whole
 * generation can run without a single macrotask. Port messages are macrotasks: streamed
 * chunks would leave only at the end, and `cancel` or `status` calls would wait for the
 * generation they were meant to interrupt. One yield per step (a fraction of a
 * millisecond) keeps streaming live and cancel within one token.
 */

interface RunnableSession {
  run(...args: unknown[]): Promise<unknown>;
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Resolves after the tasks already queued (port messages included) have run.
 * A MessageChannel round trip rather than `setTimeout(0)` (clamped to 4 ms when nested)
 * or `scheduler.yield()` (its continuation jumps ahead of queued messages).
 */
export function nextMacrotask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // In Node, an open port would keep the process alive.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  const { port2 } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port2.postMessage(null);
  });
}

/** Wraps each ONNX session of a loaded transformers.js model so `run` first yields. */
export function yieldBetweenRuns(model: { sessions?: Record<string, RunnableSession> }): void {
  for (const session of Object.values(model.sessions ?? {})) {
    const run = session.run.bind(session);
    session.run = async (...args: unknown[]) => {
      await nextMacrotask();
      return run(...args);
    };
  }
}
