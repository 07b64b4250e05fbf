/**
 * The extension side of the bench: the local hub, Chromium with the built extension
 * pointed at it, and the worlds the measurements run in: the extension path from an
 * extension page (as the side panel calls it), plain transformers.js in another one, and
 * an admin client.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startHub, type Hub } from '../hub/server.mjs';
import { EXTENSION_ORIGIN, launchBrowser, setModelHost, type Launched } from '../e2e/harness';
import { ORT_PUBLIC_DIR, ORT_WASM_FILES } from '@/lib/engine/ort-files';
import type { DirectRunner } from './browser/direct-runner';
import type { EngineClient } from './browser/engine-client';
import { directRunnerSource, engineClientSource } from './bundle';
import { extensionPageWorld, type World } from '../e2e/harness/worlds';

export interface BenchSession {
  hub: Hub;
  browser: Launched;
  /** The engine as the side panel reaches it (extension page → Comlink → offscreen). */
  ext: World<EngineClient>;
  /** A second engine client, for management calls (unload, deleteCached) between measured runs. */
  admin: World<EngineClient>;
  /** transformers.js called directly in an extension page, threads by the engine's rule. */
  direct: World<DirectRunner>;
  /** Another extension page running transformers.js with `threads` forced (ORT initialises once per page). */
  directWithThreads(threads: number): Promise<World<DirectRunner>>;
  /** Evaluates an expression in the offscreen engine document. */
  inOffscreen<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function startBenchSession(hubRoot: string): Promise<BenchSession> {
  const hub = await startHub({ root: hubRoot });
  const browser = await launchBrowser();
  await setModelHost(browser, hub.url);
  const ortBase = `${EXTENSION_ORIGIN}/${ORT_PUBLIC_DIR}`;
  const openDirect = async (threads?: number) => {
    const page = await browser.openExtensionPage('/options.html');
    const world = await extensionPageWorld<DirectRunner>(page, await directRunnerSource(), '__edgewiseBenchDirect');
    await world.call('setup', hub.url, ortBase, ORT_WASM_FILES, threads);
    return world;
  };
  const adminPage = await browser.openExtensionPage('/options.html');
  const admin = await extensionPageWorld<EngineClient>(adminPage, await engineClientSource(), '__edgewiseBenchEngine');
  const direct = await openDirect();
  const forced = new Map<number, Promise<World<DirectRunner>>>();
  const extPage = await browser.openExtensionPage('/options.html');
  const ext = await extensionPageWorld<EngineClient>(extPage, await engineClientSource(), '__edgewiseBenchEngine');
  return {
    hub,
    browser,
    ext,
    admin,
    direct,
    directWithThreads(threads) {
      if (!forced.has(threads)) forced.set(threads, openDirect(threads));
      return forced.get(threads)!;
    },
    inOffscreen: (expression) => evaluateInOffscreen(adminPage, expression),
    async close() {
      await browser.close();
      await hub.close();
      // The profile holds a copy of every model in IndexedDB; the hub root only symlinks.
      rmSync(browser.userDataDir, { recursive: true, force: true });
      rmSync(hubRoot, { recursive: true, force: true });
    },
  };
}

/**
 * Playwright does not list the offscreen document (a `background_page` target), so this
 * attaches to it over CDP from another page and evaluates there.
 */
async function evaluateInOffscreen<T>(from: Page, expression: string): Promise<T> {
  const cdp = await from.context().newCDPSession(from);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.url === `${EXTENSION_ORIGIN}/offscreen.html`);
    if (!target) throw new Error('no offscreen document');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const reply = new Promise<string>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (event) => {
        if (event.sessionId === sessionId && event.message.startsWith('{"id":1,')) resolve(event.message);
      }),
    );
    const params = { expression, returnByValue: true, awaitPromise: true };
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params }),
    });
    const message = JSON.parse(await reply) as { result?: { result?: { value?: T } }; error?: { message: string } };
    if (!message.result) throw new Error(message.error?.message ?? 'offscreen evaluation failed');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return message.result.result?.value as T;
  } finally {
    await cdp.detach();
  }
}
