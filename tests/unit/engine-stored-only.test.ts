/** Issue 13: drafts load the model with `storedOnly` (never a download from a page's focus); the engine call check allows exactly that. */
import { describe, expect, test } from 'vitest';
import { checkEngineCall } from '@/lib/messaging';

const raw = (value: unknown) => ({ type: 'RAW', value });
const callback = { type: 'HANDLER', name: 'proxy', value: { $edgewisePort: 3 } };
const call = (method: string, ...argumentList: unknown[]) => ({ id: 'x', type: 'APPLY', path: [method], argumentList });

describe('checkEngineCall: load options', () => {
  test.each([
    ['storedOnly: true', { storedOnly: true }],
    ['storedOnly: false', { storedOnly: false }],
    ['storedOnly with a device and dtype', { device: 'wasm', dtype: 'q8', storedOnly: true }],
    ['no options at all', {}],
  ])('accepts %s', (_name, options) => {
    expect(checkEngineCall(call('load', raw('a/b'), raw(options)))).toBeNull();
    expect(checkEngineCall(call('load', raw('a/b'), raw(options), callback))).toBeNull();
  });

  test.each([
    ["storedOnly: 'yes'", { storedOnly: 'yes' }],
    ['storedOnly: 1', { storedOnly: 1 }],
    ['storedOnly: null', { storedOnly: null }],
    ['an unknown option', { other: 1 }],
    ['an unknown option beside storedOnly', { storedOnly: true, download: true }],
    ['options that are not an object', 'storedOnly'],
  ])('refuses %s', (_name, options) => {
    expect(checkEngineCall(call('load', raw('a/b'), raw(options)))).toMatch(/options is malformed/);
  });
});
