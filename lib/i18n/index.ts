/**
 * UI strings, through `@wxt-dev/i18n` (typed keys from `locales/en.yml`, Chrome's i18n
 * API underneath, so the language follows the browser's). English is the only locale so far.
 *
 * Not for code that runs in the offscreen document (lib/engine, lib/messaging's port mux):
 * Chrome gives offscreen documents `chrome.runtime` and no other extension API, so `i18n.t`
 * would throw there. The side panel, options page, service worker and content scripts have it.
 *
 * The same `createI18n` call as WXT's `#i18n` module, made here so that only a type comes
 * from `#i18n`: lib/ code bundled outside WXT (the e2e probe and the bench scripts, which
 * know only the `@` alias) then still resolves this import.
 */
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';

export const i18n = createI18n<GeneratedI18nStructure>();
