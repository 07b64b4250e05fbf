/** `i18n.t` in unit tests: the real en.yml, with Chrome's rules (tests/unit/setup). */
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { i18n } from '@/lib/i18n';
import { getMessageFrom, loadChromeMessages, substitute } from './setup/chrome-i18n';
import { EN_MESSAGES_FILE } from './setup/i18n';

describe('i18n.t with the shipped English messages', () => {
  test('fills positional substitutions', () => {
    expect(i18n.t('chat.fromHistory', ['Example page'])).toBe('From history: Example page');
    expect(i18n.t('chat.contextRelevant', ['2, 5', 7, '1,200', '9,000'])).toBe(
      'Used parts 2, 5 of 7 that match the question (1,200 of 9,000 words).',
    );
  });

  test('picks the plural form by count, with the count or other substitutions', () => {
    expect(i18n.t('chat.omitted', 1, [1])).toBe("The oldest message was left out to fit the model's memory.");
    expect(i18n.t('chat.omitted', 3, [3])).toBe("The oldest 3 messages were left out to fit the model's memory.");
    expect(i18n.t('history.threadMeta', 0, [0, 'Today'])).toBe('No messages · Today');
    expect(i18n.t('history.threadMeta', 1, [1, 'Today'])).toBe('1 message · Today');
    expect(i18n.t('history.threadMeta', 12, [12, 'Today'])).toBe('12 messages · Today');
  });

  test('survives fakeBrowser.reset() and vi.restoreAllMocks()', () => {
    fakeBrowser.reset();
    expect(i18n.t('nav.chat')).toBe('Chat');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('mocked');
    expect(i18n.t('nav.chat')).toBe('mocked');
    vi.restoreAllMocks();
    expect(i18n.t('nav.chat')).toBe('Chat');
  });

  test('a test that replaces getMessage does not leak into the next one (1/2)', () => {
    fakeBrowser.i18n.getMessage = () => 'replaced';
    expect(i18n.t('nav.chat')).toBe('replaced');
  });

  test('a test that replaces getMessage does not leak into the next one (2/2)', () => {
    expect(i18n.t('nav.chat')).toBe('Chat');
  });

  test('every shipped message loads in Chrome and uses no named placeholder', async () => {
    const messages = generateChromeMessages(await parseMessagesFile(EN_MESSAGES_FILE));
    expect(Object.keys(messages).length).toBeGreaterThan(100);
    for (const [key, { message }] of Object.entries(messages)) {
      // The build's check (tests/e2e/extension.e2e.ts): "$1$2" reads as a placeholder "$1$" Chrome refuses.
      expect(message, key).not.toMatch(/\$[\w@]+\$/);
      expect(message.trim(), key).not.toBe('');
    }
  });
});

describe("Chrome's message rules", () => {
  test('substitutions: $1…$9, a run of n "$" gives n - 1, a missing or unknown one is dropped', () => {
    expect(substitute('$2, then $1', ['a', 'b'])).toBe('b, then a');
    expect(substitute('costs $$5 and $$$$', [])).toBe('costs $5 and $$$');
    expect(substitute('$$$1', ['9'])).toBe('$$1');
    expect(substitute('[$3] [$x] end$', ['a'])).toBe('[] [] end');
    // A substitution is inserted as is, never read again.
    expect(substitute('$1 and $2', ['$2', 'b'])).toBe('$2 and b');
  });

  test('named placeholders are applied at load; an undefined one refuses the extension', () => {
    const dictionary = loadChromeMessages({
      greet: { message: 'Hello $Who$!', placeholders: { who: { content: '$1' } } },
      plain: { message: 'Pay $1 (or $$2)' },
    });
    expect(getMessageFrom(dictionary, 'GREET', ['Ada'])).toBe('Hello Ada!');
    expect(getMessageFrom(dictionary, 'plain', ['3'])).toBe('Pay 3 (or $2)');
    expect(getMessageFrom(dictionary, 'missing')).toBe('');
    expect(getMessageFrom(dictionary, 'plain', Array.from({ length: 10 }, String))).toBeUndefined();
    expect(() => loadChromeMessages({ adjacent: { message: '$1$2' } })).toThrow(/adjacent.*"\$1\$"/);
    expect(() => loadChromeMessages({ 'bad-name': { message: 'x' } })).toThrow(/bad-name/);
  });
});
