/**
 * Puts the engine probe (tests/e2e/probe) into a content script's isolated world or an
 * extension page, and calls it. The content-script world is reached over CDP: it is the
 * execution context Chromium creates for our extension in the page.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'rolldown';
import type { EngineProbe } from '../probe/engine-probe';
import { EXTENSION_ORIGIN, ROOT } from './paths';

let bundled: Promise<string> | undefined;

/** The probe as one IIFE script (built once per test run). */
export function probeSource(): Promise<string> {
  bundled ??= build({
    input: resolve(ROOT, 'tests/e2e/probe/engine-probe.ts'),
    write: false,
    resolve: { alias: { '@': ROOT } },
    platform: 'browser',
    output: { format: 'iife' },
  }).then((out) => out.output[0].code);
  return bundled;
}

type Method = keyof EngineProbe;
type Args<M extends Method> = Parameters<EngineProbe[M]>;
type Result<M extends Method> = Awaited<ReturnType<EngineProbe[M]>>;

/** A handle on a probe living in some JavaScript world. */
export interface ProbeHandle {
  call<M extends Method>(method: M, ...args: Args<M>): Promise<Result<M>>;
}

/** The probe inside the content script world of `page` (an http page where our content script runs). */
export async function contentScriptProbe(page: Page): Promise<ProbeHandle> {
  const cdp = await page.context().newCDPSession(page);
  const contextId = await findContentScriptWorld(cdp);
  await evaluate(cdp, contextId, await probeSource());
  return {
    call: (method, ...args) =>
      evaluate(cdp, contextId, `globalThis.__edgewiseProbe[${JSON.stringify(method)}](...${JSON.stringify(args)})`),
  };
}

/** The probe inside an extension page (its main world is the extension's). */
export async function extensionPageProbe(page: Page): Promise<ProbeHandle> {
  if (!page.url().startsWith(EXTENSION_ORIGIN)) throw new Error(`${page.url()} is not an extension page`);
  await page.evaluate(await probeSource());
  return {
    call: (method, ...args) =>
      page.evaluate(
        ([m, a]) =>
          (globalThis as unknown as { __edgewiseProbe: Record<string, (...x: unknown[]) => unknown> }).__edgewiseProbe[
            m as string
          ]!(...(a as unknown[])),
        [method, args] as const,
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
    throw new Error(`Probe threw: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}
