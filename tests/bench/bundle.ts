/**
 * Builds the bench's in-browser scripts (tests/bench/browser) as single IIFE sources,
 * like the e2e probe: alias '@' → repo root, browser export conditions (so
 * `@huggingface/transformers` is its web build with onnxruntime-web, not the Node one).
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'rolldown';
import { ORT_PUBLIC_DIR, ORT_WASM_FILES } from '@/lib/engine/ort-files';
import { ROOT } from '../e2e/harness/paths';

/**
 * ORT's bundle names its wasm with `new URL(..., import.meta.url)`; an IIFE has no
 * `import.meta`. Point it at the extension's copy, as wxt.config.ts does for the build.
 */
function ortWasmUrl(): Plugin {
  const literal = `new URL("${ORT_WASM_FILES.wasm}",import.meta.url)`;
  return {
    name: 'edgewise-bench:ort-wasm-url',
    transform(code, id) {
      if (!/onnxruntime-web[\\/]dist[\\/]ort\.webgpu\.bundle\.min\.mjs/.test(id)) return null;
      return code.replaceAll(literal, `new URL("/${ORT_PUBLIC_DIR}/${ORT_WASM_FILES.wasm}",self.location.href)`);
    },
  };
}

const built = new Map<string, Promise<string>>();

async function bundle(entry: string): Promise<string> {
  const out = await build({
    input: resolve(ROOT, entry),
    write: false,
    resolve: { alias: { '@': ROOT }, conditionNames: ['browser', 'import', 'default'] },
    platform: 'browser',
    plugins: [ortWasmUrl()],
    logLevel: 'silent',
    output: { format: 'iife' },
  });
  return out.output[0].code;
}

function cached(entry: string): Promise<string> {
  let source = built.get(entry);
  if (!source) built.set(entry, (source = bundle(entry)));
  return source;
}

/** The extension-path client, evaluated in an extension page. */
export const engineClientSource = () => cached('tests/bench/browser/engine-client.ts');
/** Plain transformers.js in an extension page. */
export const directRunnerSource = () => cached('tests/bench/browser/direct-runner.ts');
