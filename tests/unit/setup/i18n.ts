/**
 * Unit-test setup: `i18n.t` answers with the real English messages. WXT's fake browser has no
 * `i18n.getMessage`; this one reads lib/i18n/locales/en.yml, turns it into Chrome's messages.json
 * the way the WXT module does for the build, and answers with Chrome's rules (./chrome-i18n.ts).
 * A message Chrome would refuse fails every unit test here, before it can fail the extension.
 *
 * `fakeBrowser.reset()` leaves `i18n` alone, and `vi.restoreAllMocks()` puts this function back
 * under a `vi.spyOn`; it is set again before each test all the same, so a test that assigns its
 * own getMessage (or a `vi.fn`) cannot leak into the next one.
 */
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessageFrom, loadChromeMessages } from './chrome-i18n';

export const EN_MESSAGES_FILE = resolve(import.meta.dirname, '../../../lib/i18n/locales/en.yml');

const dictionary = loadChromeMessages(generateChromeMessages(await parseMessagesFile(EN_MESSAGES_FILE)), {
  '@@extension_id': fakeBrowser.runtime.id,
  '@@ui_locale': 'en',
  '@@bidi_dir': 'ltr',
  '@@bidi_reversed_dir': 'rtl',
  '@@bidi_start_edge': 'left',
  '@@bidi_end_edge': 'right',
});

const getMessage: typeof fakeBrowser.i18n.getMessage = (name, substitutions, options?: { escapeLt?: boolean }) =>
  getMessageFrom(dictionary, name, substitutions, options);

function install(): void {
  fakeBrowser.i18n.getMessage = getMessage;
}

install();
beforeEach(install);
