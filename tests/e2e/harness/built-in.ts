/**
 * Installs the TEST STAND-IN for Chrome's built-in AI (tests/stand-ins/prompt-api.ts) in
 * every page of the browser context before its scripts run, so the side panel finds a
 * `LanguageModel` with the real API's shape. Headless Chromium has no Gemini Nano.
 */
import { resolve } from 'node:path';
import { build } from 'rolldown';
import type { StandInOptions } from '../../stand-ins/prompt-api';
import type { Launched } from './browser';
import { ROOT } from './paths';

let bundled: Promise<string> | undefined;

function standInSource(): Promise<string> {
  bundled ??= build({
    input: resolve(ROOT, 'tests/stand-ins/prompt-api.ts'),
    write: false,
    platform: 'browser',
    output: { format: 'iife', name: '__promptApiStandIn' },
  }).then((out) => out.output[0].code);
  return bundled;
}

/** From now on, every new document in the browser has the stand-in (pages already open must reload). */
export async function installBuiltInStandIn(browser: Launched, options: StandInOptions): Promise<void> {
  const source = await standInSource();
  await browser.context.addInitScript({
    content: `${source}\n__promptApiStandIn.installPromptApiStandIn(globalThis, ${JSON.stringify(options)});`,
  });
}
