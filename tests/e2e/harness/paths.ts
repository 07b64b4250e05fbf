import { resolve } from 'node:path';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** The built extension the e2e tests load (`npm run build` makes it). */
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
/** Fixed by the manifest `key`. */
export const EXTENSION_ID = 'jkhnioojjpleefdmddbnookfbdhdcmki';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
/** Root of the local hub: `{owner}/{repo}/{files}`. */
export const MODELS_DIR = resolve(ROOT, 'tests/fixtures/models');
export const PAGES_DIR = resolve(ROOT, 'tests/fixtures/pages');
/** The labelled fixture forms (issue 13), served under /forms/. */
export const FORMS_DIR = resolve(ROOT, 'tests/fixtures/forms');
/** The tiny echo model (see tests/fixtures/tiny-model). */
export const ECHO_MODEL = 'edgewise-test/echo-tiny';
