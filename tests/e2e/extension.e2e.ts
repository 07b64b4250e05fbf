/** The built extension: what it asks for, what it ships, and that it loads. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, EXTENSION_ID, launchBrowser, type Launched } from './harness';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

describe('built output', () => {
  test('every UI string is a message Chrome accepts', () => {
    const messages = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    expect(manifest.default_locale).toBe('en');
    expect(Object.keys(messages).length).toBeGreaterThan(100);
    for (const [key, { message }] of Object.entries(messages)) {
      // "$1$2" reads as a named placeholder "$1$", which Chrome refuses, and then the whole extension fails to load.
      expect(message, key).not.toMatch(/\$\w+\$/);
      expect(message.trim(), key).not.toBe('');
    }
  });

  test('asks only for the permissions it needs, and nothing external can connect', () => {
    expect([...manifest.permissions].sort()).toEqual([
      'contextMenus',
      'offscreen',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
    // No "tabs", "history", "cookies", <all_urls> or file access; web pages only, where the content script runs.
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([
      ['http://*/*', 'https://*/*'],
    ]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  test('CSP allows bundled WebAssembly and nothing remote', () => {
    const csp: string = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toMatch(/https?:|blob:|'unsafe-eval'/);
  });

  test('the manifest keeps it out of incognito windows, so nothing of a private window is stored', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  test('pages that show model or page text fetch nothing; the engine page fetches no media', () => {
    const policy = (page: string) =>
      /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(
        readFileSync(join(EXTENSION_DIR, `${page}.html`), 'utf8'),
      )?.[1] ?? '';
    for (const page of ['sidepanel', 'options']) {
      for (const directive of ["img-src 'self' data:", "media-src 'none'", "frame-src 'none'"])
        expect(policy(page), page).toContain(directive);
    }
    expect(policy('sidepanel')).toContain("default-src 'none'");
    expect(policy('sidepanel')).toContain("connect-src 'none'");
    const engine = policy('offscreen');
    expect(engine).toContain("media-src 'none'");
    expect(engine).toContain("img-src 'none'");
  });

  test('has an icon at every size Chrome asks for, idle and working, rendered from one SVG', () => {
    const size = (file: string) => {
      const png = readFileSync(join(EXTENSION_DIR, file));
      expect(png.subarray(1, 4).toString(), file).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    for (const [px, file] of Object.entries(manifest.icons as Record<string, string>)) {
      expect(size(file)).toEqual([Number(px), Number(px)]);
      expect(size(file.replace('idle', 'working'))).toEqual([Number(px), Number(px)]);
    }
    expect(manifest.action.default_icon).toEqual(manifest.icons);
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+E');
  });

  test("bundles ONNX Runtime's wasm pair once", () => {
    const wasm = filesUnder(EXTENSION_DIR).filter((f) => f.endsWith('.wasm'));
    expect(wasm.map((f) => relative(EXTENSION_DIR, f))).toEqual(['ort/ort-wasm-simd-threaded.asyncify.wasm']);
    expect(statSync(join(EXTENSION_DIR, 'ort/ort-wasm-simd-threaded.asyncify.mjs')).size).toBeGreaterThan(1000);
  });

  test('contains no CDN URL anywhere', () => {
    const offenders = filesUnder(EXTENSION_DIR)
      .filter((f) => /\.(m?js|html|json|css)$/.test(f))
      .filter((f) => /cdn\.jsdelivr|unpkg\.com|cdnjs\./.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('in Chromium', () => {
  let browser: Launched;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test('loads with the fixed id and its service worker runs', async () => {
    const sw = await browser.serviceWorker();
    expect(sw.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);
    const page = await browser.openExtensionPage('/options.html');
    await page.getByRole('heading', { name: 'Edgewise settings' }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor(); // the stored settings were read
    expect(browser.errors).toEqual([]);
  });

  test('incognito cannot be turned on, even through the extensions page’s own API', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://extensions/');
    const access = await page.evaluate(async (extensionId) => {
      // The API behind chrome://extensions' "Allow in Incognito" toggle.
      type Access = { isEnabled: boolean; isActive: boolean };
      const developer = (
        globalThis as unknown as {
          chrome: {
            developerPrivate: {
              getExtensionInfo(id: string): Promise<{ incognitoAccess: Access }>;
              updateExtensionConfiguration(update: { extensionId: string; incognitoAccess: boolean }): Promise<void>;
            };
          };
        }
      ).chrome.developerPrivate;
      const before = (await developer.getExtensionInfo(extensionId)).incognitoAccess;
      await developer.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
      return { before, after: (await developer.getExtensionInfo(extensionId)).incognitoAccess };
    }, EXTENSION_ID);
    expect(access.before).toEqual({ isEnabled: false, isActive: false });
    expect(access.after.isActive).toBe(false);
  });
});
