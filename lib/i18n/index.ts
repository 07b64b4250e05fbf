/**
 * UI strings, through `@wxt-dev/i18n` (typed keys from `locales/en.yml`, Chrome's i18n
 * API underneath, so the language follows the browser's). English is the only locale so far.
 */
export { i18n } from '#i18n';
