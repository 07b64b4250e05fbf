/**
 * A TEST STAND-IN for Chrome's built-in AI (the Prompt API's `LanguageModel`), which
 * headless Chromium here does not have (no Gemini Nano). It implements the API's shape as
 * Edgewise uses it: `availability(options)`, `create()` with a `monitor` reporting
 * `downloadprogress` (and, like Chrome, refusing a first download without user
 * activation), sessions with `contextWindow`/`contextUsage`/`measureContextUsage` (or the
 * older `inputQuota` names) and `promptStreaming`, which echoes the question. It records
 * every call so tests can check what Edgewise asked. Installed only by tests, never shipped.
 */

export type StandInAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

export interface StandInOptions {
  availability: StandInAvailability;
  contextWindow?: number;
  /** Use the older names (`inputQuota`, `inputUsage`, `measureInputUsage`). */
  oldNames?: boolean;
  /** Like Chrome: `create()` while downloadable needs `navigator.userActivation.isActive`. */
  requireActivation?: boolean;
}

export interface StandInLog {
  availability: unknown[];
  create: { options: unknown; activation: boolean }[];
  prompts: string[];
  initialPrompts: unknown[][];
}

/** The answer's first words: "Built-in answer: " + the end of the question. */
export const STAND_IN_PREFIX = 'Built-in answer: ';

export function installPromptApiStandIn(scope: Record<string, unknown>, options: StandInOptions): StandInLog {
  const log: StandInLog = { availability: [], create: [], prompts: [], initialPrompts: [] };
  let state = options.availability;
  const window = options.contextWindow ?? 4096;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const count = (text: string) => Math.ceil(text.length / 4);

  class StandInSession {
    private used: number;
    constructor(initial: { content: string }[]) {
      this.used = initial.reduce((sum, m) => sum + count(m.content), 0);
    }
    get contextWindow() {
      return options.oldNames ? undefined : window;
    }
    get contextUsage() {
      return options.oldNames ? undefined : this.used;
    }
    get inputQuota() {
      return options.oldNames ? window : undefined;
    }
    get inputUsage() {
      return options.oldNames ? this.used : undefined;
    }
    measureContextUsage = options.oldNames ? undefined : (text: string) => Promise.resolve(count(text));
    measureInputUsage = options.oldNames ? (text: string) => Promise.resolve(count(text)) : undefined;
    promptStreaming(text: string, { signal }: { signal?: AbortSignal } = {}): ReadableStream<string> {
      log.prompts.push(text);
      const answer = STAND_IN_PREFIX + text.slice(-300);
      let at = 0;
      return new ReadableStream<string>({
        async pull(controller) {
          await pause(5);
          if (signal?.aborted) return controller.error(new DOMException('Aborted', 'AbortError'));
          if (at >= answer.length) return controller.close();
          controller.enqueue(answer.slice(at, at + 7));
          at += 7;
        },
      });
    }
    destroy() {}
  }

  const StandInLanguageModel = {
    async availability(asked?: unknown) {
      log.availability.push(asked);
      return state;
    },
    async create(asked: { monitor?(m: EventTarget): void; initialPrompts?: { content: string }[] } = {}) {
      const activation = Boolean(
        (globalThis.navigator as { userActivation?: { isActive: boolean } })?.userActivation?.isActive,
      );
      // Logged as plain data: the monitor and the signal are not options the test compares.
      const plain = Object.fromEntries(Object.entries(asked).filter(([key]) => key !== 'monitor' && key !== 'signal'));
      const monitor = asked.monitor;
      log.create.push({ options: plain, activation });
      if (state === 'unavailable') throw new DOMException('The model is not available.', 'NotSupportedError');
      if (state !== 'available') {
        if (options.requireActivation && !activation) {
          throw new DOMException('Downloading the model requires a user gesture.', 'NotAllowedError');
        }
        const target = new EventTarget();
        monitor?.(target);
        state = 'downloading';
        for (const loaded of [0, 0.25, 0.5, 0.75, 1]) {
          await pause(20);
          target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded, total: 1 }));
        }
        state = 'available';
      }
      log.initialPrompts.push(asked.initialPrompts ?? []);
      return new StandInSession(asked.initialPrompts ?? []);
    },
  };
  scope.LanguageModel = StandInLanguageModel;
  scope.__promptApiStandInLog = log;
  return log;
}
