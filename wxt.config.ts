import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ORT_PUBLIC_DIR, ORT_WASM_FILES } from './lib/engine/ort-files';
import { ICON_SIZES, WORKING_MARK, iconPath, iconPaths, type IconState } from './lib/icons';

/**
 * Public half of the extension key. It fixes the extension id (jkhnioojjpleefdmddbnookfbdhdcmki)
 * for unpacked builds, so tests and `npm run dev` always see the same origin (and IndexedDB).
 */
const EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA69MNQHbfVnFDZSp7rqBOvFktu/1T2kjfoEc1ZDH0OkdnYrEOB/By1cVlEGZl/X0YJjEnpJD/1YrasvCF3cvlHkIASEIy5c3Ei7A71NMpHRaag/cBO33R+xdUzteIdk2Ff9t+xwluWkoCFLLMLZxTu42lRC2GJRo23OYYiTQLm24Mss3JsdYwPrQAAepEK0SxeYWLJVI1Q4d/Lb9McMT96oB45kLkDFPbJeSS9s1q8hPb3Z8FpAp94qgDaJAC5hic37LLpiReodZYPjTY+3+VLn8Z6Fd1Gcs0nuqi98/r0E90VQD16Vao9XU/pij+I2Ean01DJUzH0T6OcFRU9MjnPQIDAQAB';

const ortDist = resolve(import.meta.dirname, 'node_modules/onnxruntime-web/dist');

/**
 * Renders `public/icon.svg` to a PNG per size and state (lib/icons), into `.wxt/icons`, for
 * the build to copy. Why at build: one source to edit, and no binary PNGs in git that drift
 * from it.
 */
function renderIcons(): { absoluteSrc: string; relativeDest: string }[] {
  const source = readFileSync(resolve(import.meta.dirname, 'public/icon.svg'), 'utf8');
  const svgs: Record<IconState, string> = { idle: source, working: source.replace('</svg>', `${WORKING_MARK}</svg>`) };
  return (Object.keys(svgs) as IconState[]).flatMap((state) =>
    ICON_SIZES.map((size) => {
      const png = new Resvg(svgs[state], { fitTo: { mode: 'width', value: size } }).render().asPng();
      const absoluteSrc = resolve(import.meta.dirname, '.wxt', iconPath(state, size));
      mkdirSync(dirname(absoluteSrc), { recursive: true });
      writeFileSync(absoluteSrc, png);
      return { absoluteSrc, relativeDest: iconPath(state, size) };
    }),
  );
}

/**
 * transformers.js defaults ONNX Runtime's wasm paths to jsDelivr. MV3 forbids remote code
 * and the CDN fails offline, so the default is rewritten to our bundled copy. The engine
 * also sets the paths explicitly; this keeps any CDN URL out of the shipped code at all.
 * The build fails if the pattern is not found, so an upgrade cannot silently bring it back.
 */
function bundledOrtInsteadOfCdn(): Plugin {
  const cdnPrefix = /https:\/\/cdn\.jsdelivr\.net\/npm\/onnxruntime-web@\$\{[^}]+\}\/dist\//;
  return {
    name: 'edgewise:bundled-ort-instead-of-cdn',
    enforce: 'pre',
    transform(code, id) {
      if (!/@huggingface[\\/]transformers[\\/]dist[\\/]transformers\.web\.js/.test(id)) return null;
      if (!cdnPrefix.test(code))
        throw new Error('transformers.js no longer has the jsDelivr ORT default; review bundledOrtInsteadOfCdn.');
      return { code: code.replace(cdnPrefix, `/${ORT_PUBLIC_DIR}/`), map: null };
    },
  };
}

/**
 * ONNX Runtime's bundle names its wasm with `new URL(..., import.meta.url)`, which makes
 * Vite emit a second, hashed 27 MB copy. Point it at the copy the build already puts in
 * `/ort/` (the same file the engine names in `wasmPaths`), so the extension ships one.
 */
function singleOrtWasmCopy(): Plugin {
  const literal = `new URL("${ORT_WASM_FILES.wasm}",import.meta.url)`;
  return {
    name: 'edgewise:single-ort-wasm-copy',
    enforce: 'pre',
    transform(code, id) {
      if (!/onnxruntime-web[\\/]dist[\\/]ort\.webgpu\.bundle\.min\.mjs/.test(id)) return null;
      if (!code.includes(literal))
        throw new Error('onnxruntime-web changed how it locates its wasm; review singleOrtWasmCopy.');
      return {
        code: code.replaceAll(literal, `new URL("/${ORT_PUBLIC_DIR}/${ORT_WASM_FILES.wasm}",self.location.href)`),
        map: null,
      };
    },
  };
}

/** Pages that show model or page text and fetch nothing. */
const NO_FETCH_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'none'",
  "connect-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Each extension page's own Content Security Policy, stricter than the manifest's. The side
 * panel shows model and page text and fetches nothing, so a payload that slips past the
 * renderer still cannot make it load a URL (a `<video poster>` or an image would tell its
 * server what was read). The options page shows neither; it loads no media or frames but
 * otherwise keeps the manifest's policy (the bench runs raw transformers.js there as its
 * baseline). The
 * offscreen document keeps only what downloads need: the model host (any the user may set)
 * and its own files. Added to built pages only: the dev server serves scripts from localhost
 * and reloads over a websocket.
 */
export const PAGE_CSP: Record<string, string> = {
  sidepanel: NO_FETCH_CSP,
  offscreen: [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "connect-src 'self' https: http:",
    "img-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; '),
};
/** The welcome page shows only its own text and reaches the engine through the runtime, never the network. */
PAGE_CSP.welcome = NO_FETCH_CSP;
PAGE_CSP.options = [
  "img-src 'self' data:",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function pageCsp(): Plugin {
  return {
    name: 'edgewise:page-csp',
    apply: 'build',
    transformIndexHtml(html, context) {
      const page = /entrypoints[\\/]([^\\/]+)[\\/]index\.html$/.exec(context.filename)?.[1];
      const policy = page ? PAGE_CSP[page] : undefined;
      if (!policy) throw new Error(`No page CSP for ${context.filename}; add one to PAGE_CSP.`);
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/i18n/module'],
  // UI strings live with the code that uses them; the module turns them into _locales/.
  i18n: { localesDir: resolve(import.meta.dirname, 'lib/i18n/locales') },
  manifest: {
    default_locale: 'en',
    name: 'Edgewise',
    description: 'A private language model in every page: summaries, page chat and form help that run on your device.',
    key: EXTENSION_KEY,
    icons: iconPaths('idle'),
    action: { default_icon: iconPaths('idle'), default_title: '__MSG_action_idle__' },
    // getContexts (one offscreen document) needs Chrome 116; CSS light-dark() (one set of
    // theme colours for light, dark and "as the system") needs 123.
    minimum_chrome_version: '123',
    // offscreen: the engine document. unlimitedStorage: model weights. contextMenus, sidePanel:
    // the summarize triggers and the panel. scripting: inject the extractor only when asked.
    // storage: hand a summarize job from the background to the panel (session storage), and
    // remember that the welcome page was shown (local storage).
    permissions: ['offscreen', 'unlimitedStorage', 'contextMenus', 'sidePanel', 'scripting', 'storage'],
    // The same sites the content script already runs on (so no new install warning): the
    // extractor is injected there on demand, which content-script matches alone do not allow.
    host_permissions: ['http://*/*', 'https://*/*'],
    // Nothing of a private window may be stored, and summaries, chat history and (later) page
    // memory all store; so Edgewise does not run there at all, rather than half-work.
    incognito: 'not_allowed',
    commands: {
      'summarize-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_menu_summarizeCommand__',
      },
      // The toolbar button's own command: it opens the side panel (openPanelOnActionClick).
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+E' },
        description: '__MSG_menu_openPanelCommand__',
      },
    },
    content_security_policy: {
      // wasm-unsafe-eval lets ONNX Runtime compile its bundled WebAssembly; nothing remote is allowed.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const file of Object.values(ORT_WASM_FILES)) {
        files.push({ absoluteSrc: resolve(ortDist, file), relativeDest: `${ORT_PUBLIC_DIR}/${file}` });
      }
      files.push(...renderIcons());
    },
  },
  vite: () => ({
    plugins: [bundledOrtInsteadOfCdn(), singleOrtWasmCopy(), pageCsp()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      // transformers.js and ORT are large by nature; they load only in the offscreen document.
      chunkSizeWarningLimit: 4096,
    },
  }),
  webExt: {
    binaries: { chrome: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    chromiumArgs: [
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium refuses to start as root with its sandbox (containers, CI); only then go without.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  },
});
