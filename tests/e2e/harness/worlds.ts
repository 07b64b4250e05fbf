/**
 * Puts a test or bench script into a JavaScript world and calls its methods: a content script's
 * isolated world (reached over CDP, as tests/e2e/harness/probe.ts does) or an extension
 * page's main world.
 */
import type { CDPSession, Page } from 'playwright-core';
import { EXTENSION_ORIGIN } from './paths';

type Methods = object;
type Fn<T, M extends keyof T> = T[M] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

export interface World<T extends Methods> {
  call<M extends keyof T & string>(method: M, ...args: Fn<T, M>['args']): Promise<Fn<T, M>['result']>;
}

/** `source` defines `globalThis[name]`; it is evaluated in `page`'s content-script world. */
export async function contentScriptWorld<T extends Methods>(
  page: Page,
  source: string,
  name: string,
): Promise<World<T>> {
  const cdp = await page.context().newCDPSession(page);
  const contextId = await findContentScriptWorld(cdp);
  await evaluate(cdp, contextId, source);
  return {
    call: (method, ...args) =>
      evaluate(
        cdp,
        contextId,
        `globalThis[${JSON.stringify(name)}][${JSON.stringify(method)}](...${JSON.stringify(args)})`,
      ),
  };
}

/** `source` defines `globalThis[name]`; it is evaluated in an extension page (DevTools evaluation ignores the page CSP). */
export async function extensionPageWorld<T extends Methods>(
  page: Page,
  source: string,
  name: string,
): Promise<World<T>> {
  if (!page.url().startsWith(EXTENSION_ORIGIN)) throw new Error(`${page.url()} is not an extension page`);
  await page.evaluate(source);
  return {
    call: (method, ...args) =>
      page.evaluate(
        ([n, m, a]) =>
          (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[n]![m]!(...a),
        [name, method, args as unknown[]] as const,
      ) as never,
  };
}

async function findContentScriptWorld(cdp: CDPSession): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  for (let i = 0; i < 100; i++) {
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith(EXTENSION_ORIGIN));
    if (world) return world.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The Edgewise content script world did not appear in the page.');
}

async function evaluate<T>(cdp: CDPSession, contextId: number, expression: string): Promise<T> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails)
    throw new Error(`Script threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}
