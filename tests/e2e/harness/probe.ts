/**
 * Puts the engine probe (tests/e2e/probe) into a content script's isolated world or an
 * extension page, and calls it. The content-script world is reached over CDP: it is the
 * execution context Chromium creates for our extension in the page.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'rolldown';
import type { EngineProbe } from '../probe/engine-probe';
import { ROOT } from './paths';
import { contentScriptWorld, extensionPageWorld, type World } from './worlds';

const PROBE_GLOBAL = '__edgewiseProbe';

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

/** A handle on the probe living in some JavaScript world. */
export type ProbeHandle = World<EngineProbe>;

/** The probe inside the content script world of `page` (an http page where our content script runs). */
export async function contentScriptProbe(page: Page): Promise<ProbeHandle> {
  return contentScriptWorld<EngineProbe>(page, await probeSource(), PROBE_GLOBAL);
}

/** The probe inside an extension page (its main world is the extension's). */
export async function extensionPageProbe(page: Page): Promise<ProbeHandle> {
  return extensionPageWorld<EngineProbe>(page, await probeSource(), PROBE_GLOBAL);
}
