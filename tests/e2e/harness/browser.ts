/**
 * Launches the system Chromium with the built extension, headless, with a fresh (or
 * given) profile. Never downloads a browser.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, EXTENSION_ORIGIN } from './paths';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet test browser: this machine has no network but the registries, and
 * Chromium's background services would otherwise keep dialling out. As root, no sandbox.
 */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface LaunchOptions {
  /** Reuse a profile (browser-restart tests); a fresh temp dir otherwise. */
  userDataDir?: string;
  /** Adds `--enable-unsafe-webgpu` (SwiftShader here: slow but correct). */
  webgpu?: boolean;
  /** An X display (see desktop.ts): run a real, headed window there instead of headless. */
  display?: string;
  /** Opens a debugging port (Chromium picks it) so a network capture can attach to every target. */
  debuggingPort?: boolean;
}

export interface Launched {
  context: BrowserContext;
  userDataDir: string;
  /** Console errors and uncaught exceptions from every page and the service worker. */
  errors: string[];
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page such as `/options.html`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}; run "npm run build" first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'edgewise-profile-'));
  const args = [
    ...(options.display ? ['--window-position=0,0', '--window-size=1280,800'] : ['--headless=new']),
    ...QUIET_CHROMIUM_ARGS,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
  ];
  if (options.debuggingPort) args.push('--remote-debugging-port=0');
  if (options.webgpu) args.push('--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=swiftshader');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new above; Playwright's own flag would pick the old mode
    args,
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
    ignoreDefaultArgs: ['--disable-extensions', '--enable-automation'],
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith(EXTENSION_ORIGIN));
    return (
      existing ?? context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(EXTENSION_ORIGIN) })
    );
  };
  await serviceWorker();

  return {
    context,
    userDataDir,
    errors,
    serviceWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`${EXTENSION_ORIGIN}${path}`);
      return page;
    },
    close: () => context.close(),
  };
}
