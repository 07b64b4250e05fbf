/**
 * Page cost: the `load` event of a heavy page in Chromium with and without the extension,
 * both browsers open at once and loads alternating between them; and the bytes of the
 * content script the manifest injects into every page (before any lazy part loads).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, QUIET_CHROMIUM_ARGS, launchBrowser } from '../e2e/harness';
import { startHeavyServer } from './heavy-page';
import { contentScriptWorld } from '../e2e/harness/worlds';
import { Samples } from './stats';

/** The harness's flags (tests/e2e/harness/browser.ts) minus the extension. */
async function launchWithoutExtension(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: ['--headless=new', ...QUIET_CHROMIUM_ARGS],
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  });
}

async function loadTimes(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { load: nav.loadEventEnd, dcl: nav.domContentLoadedEventEnd };
  });
}

export interface PageCost {
  pageBytes: number;
  /** The content script's world appeared in the page (so the extension really ran there). */
  contentScriptRan: boolean;
}

export async function benchPageLoad(runs: number, out: Samples): Promise<PageCost> {
  const server = await startHeavyServer();
  const plainDir = mkdtempSync(join(tmpdir(), 'edgewise-bench-plain-'));
  const [withExt, plain] = await Promise.all([launchBrowser(), launchWithoutExtension(plainDir)]);
  try {
    const extPage = await withExt.context.newPage();
    const plainPage = await plain.newPage();
    const sides: [string, Page][] = [
      ['page.with_extension', extPage],
      ['page.without_extension', plainPage],
    ];
    for (const [, page] of sides) await loadTimes(page, `${server.url}?warmup`);
    for (let run = 0; run < runs; run++) {
      for (let i = 0; i < sides.length; i++) {
        const [name, page] = sides[(i + run) % sides.length]!;
        const t = await loadTimes(page, `${server.url}?run=${run}`);
        out.add(`${name}.load_ms`, t.load);
        out.add(`${name}.dcl_ms`, t.dcl);
      }
    }
    const world = await contentScriptWorld<{ ping(): string }>(
      extPage,
      'globalThis.__benchPing = { ping: () => "pong" }',
      '__benchPing',
    )
      .then((w) => w.call('ping'))
      .catch(() => 'absent');
    return { pageBytes: server.bytes, contentScriptRan: world === 'pong' };
  } finally {
    await Promise.all([withExt.close(), plain.close()]);
    await server.close();
    for (const dir of [withExt.userDataDir, plainDir]) rmSync(dir, { recursive: true, force: true });
  }
}

export interface ContentScriptSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** What the manifest injects into every page, as built. */
export function contentScriptSize(): ContentScriptSize {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const bytes = files.reduce((sum, f) => sum + statSync(join(EXTENSION_DIR, f)).size, 0);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, f))).length, 0);
  return { files, bytes, gzipBytes };
}
