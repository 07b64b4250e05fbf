/** Issue 12: the never-remember rules, as a table over every rule and its order. */
import { describe, expect, test } from 'vitest';
import { whyNotRemember, type MemoryCandidate, type NotRemembered } from '@/lib/memory';
import { DEFAULT_MEMORY_SETTINGS, PAUSED_UNTIL_RESUMED, type MemorySettings } from '@/lib/settings';
import type { MemoryReason } from '@/lib/store';

const NOW = 1_800_000_000_000;
const page = (extra: Partial<MemoryCandidate> = {}): MemoryCandidate => ({
  url: 'https://news.example.com/story',
  text: 'A story about rivers.',
  secretFields: false,
  ...extra,
});
const settings = (extra: Partial<MemorySettings> = {}): MemorySettings => ({ ...DEFAULT_MEMORY_SETTINGS, ...extra });

describe('whyNotRemember', () => {
  test.each<[string, MemoryCandidate, MemoryReason, MemorySettings, NotRemembered | null]>([
    ['a used page, by default', page(), 'used', settings(), null],
    ['a read page is off by default', page(), 'read', settings(), 'off'],
    ['a read page once opted in', page(), 'read', settings({ rememberRead: true }), null],
    ['used pages switched off', page(), 'used', settings({ rememberUsed: false }), 'off'],
    ['an incognito tab, whatever the settings', page({ incognito: true }), 'used', settings(), 'incognito'],
    ['a file page', page({ url: 'file:///home/me/notes.html' }), 'used', settings(), 'scheme'],
    ['a chrome page', page({ url: 'chrome://settings/' }), 'used', settings(), 'scheme'],
    ['a data URL', page({ url: 'data:text/html,hi' }), 'used', settings(), 'scheme'],
    ['no URL at all', page({ url: 'not a url' }), 'used', settings(), 'scheme'],
    ['plain http is a web page', page({ url: 'http://example.org/' }), 'used', settings(), null],
    ['paused for an hour', page(), 'used', settings({ memoryPausedUntil: NOW + 3_600_000 }), 'paused'],
    ['paused until resumed', page(), 'used', settings({ memoryPausedUntil: PAUSED_UNTIL_RESUMED }), 'paused'],
    ['a pause that has ended', page(), 'used', settings({ memoryPausedUntil: NOW - 1 }), null],
    ['a denied site', page(), 'used', settings({ deniedSites: ['news.example.com'] }), 'denied'],
    ['a denied parent site covers subdomains', page(), 'used', settings({ deniedSites: ['example.com'] }), 'denied'],
    [
      'a look-alike is not the denied site',
      page({ url: 'https://notexample.com/' }),
      'used',
      settings({ deniedSites: ['example.com'] }),
      null,
    ],
    [
      'read, allow list, site not on it',
      page(),
      'read',
      settings({ rememberRead: true, readSites: 'allowed', allowedSites: ['wiki.org'] }),
      'notAllowed',
    ],
    [
      'read, allow list, site on it',
      page(),
      'read',
      settings({ rememberRead: true, readSites: 'allowed', allowedSites: ['example.com'] }),
      null,
    ],
    ['the allow list is only for reading', page(), 'used', settings({ readSites: 'allowed', allowedSites: [] }), null],
    [
      'deny wins over allow',
      page(),
      'read',
      settings({
        rememberRead: true,
        readSites: 'allowed',
        allowedSites: ['example.com'],
        deniedSites: ['example.com'],
      }),
      'denied',
    ],
    ['a page with a password field', page({ secretFields: true }), 'used', settings(), 'secretFields'],
    ['an empty page', page({ text: ' \n ' }), 'used', settings(), 'empty'],
  ])('%s', (_name, candidate, reason, rules, expected) => {
    expect(whyNotRemember(candidate, reason, rules, NOW)).toBe(expected);
  });
});
