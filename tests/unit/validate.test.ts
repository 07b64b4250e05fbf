import { describe, expect, test } from 'vitest';
import { checkCallbackReply, checkEngineCall, classifySender } from '@/lib/messaging';

const raw = (value: unknown) => ({ type: 'RAW', value });
const callback = { type: 'HANDLER', name: 'proxy', value: { $edgewisePort: 3 } };
const call = (method: string, ...argumentList: unknown[]) => ({ id: 'x', type: 'APPLY', path: [method], argumentList });
const cloudRequest = (extra: object = {}) => ({
  requestId: 'c1',
  feature: 'chat',
  site: 'example.com',
  provider: { name: 'Test', baseUrl: 'https://api.example.com/v1/', model: 'm' },
  messages: [{ role: 'user', content: 'hi' }],
  maxNewTokens: 64,
  redactions: 0,
  ...extra,
});
const request = (extra: object = {}) => ({ requestId: 'r1', messages: [{ role: 'user', content: 'hi' }], ...extra });

describe('checkEngineCall', () => {
  test.each([
    ['status', call('status')],
    ['generate with a callback', call('generate', raw(request()), callback)],
    ['generate without a callback', call('generate', raw(request({ maxNewTokens: 10, temperature: 0.7, topP: 0.9 })))],
    ['load', call('load', raw('a/b'), raw({ device: 'wasm', dtype: 'q8' }), callback)],
    ['load with only an id', call('load', raw('a/b'))],
    ['cancel', call('cancel', raw('r1'))],
    ['watchStatus', call('watchStatus', callback)],
    ['a release', { id: 'x', type: 'RELEASE' }],
    ['askCloud', call('askCloud', raw(cloudRequest()), callback)],
    ['askCloud with no site', call('askCloud', raw(cloudRequest({ site: null })))],
  ])('accepts %s', (_name, message) => {
    expect(checkEngineCall(message)).toBeNull();
  });

  test.each([
    ['non-messages', 'hello', /not an engine call/],
    ['property writes', { id: 'x', type: 'SET', path: ['status'], value: raw(1) }, /"SET" is not allowed/],
    ['property reads', { id: 'x', type: 'GET', path: ['status'] }, /"GET" is not allowed/],
    ['constructors', { id: 'x', type: 'CONSTRUCT', path: [], argumentList: [] }, /"CONSTRUCT"/],
    ['nested paths', { id: 'x', type: 'APPLY', path: ['a', 'b'], argumentList: [] }, /bad method path/],
    ['unknown methods', call('__proto__'), /not available/],
    ['calls with extra fields', { ...call('status'), smuggled: 1 }, /unexpected fields/],
    ['releases with extra fields', { id: 'x', type: 'RELEASE', path: [] }, /unexpected fields/],
    ['arguments with extra fields', call('cancel', { ...raw('r1'), extra: true }), /bad argument/],
    ['extra arguments', call('status', raw(1)), /expected 0–0 arguments/],
    ['a value where a callback goes', call('watchStatus', raw('x')), /listener must be a callback/],
    ['a callback where a value goes', call('cancel', callback), /requestId must be a value/],
    ['odd handlers', call('cancel', { type: 'HANDLER', name: 'throw', value: {} }), /bad argument/],
    ['bad model ids', call('load', raw('../../etc')), /modelId is malformed/],
    ['bad devices', call('load', raw('a/b'), raw({ device: 'cuda' })), /options is malformed/],
    ['a cloud request with a key in it', call('askCloud', raw(cloudRequest({ apiKey: 'sk' }))), /cloud request fields/],
    ['a cloud request for another feature', call('askCloud', raw(cloudRequest({ feature: 'all' }))), /feature/],
    [
      'a cloud provider with extra fields',
      call('askCloud', raw(cloudRequest({ provider: { name: 'a', baseUrl: 'https://a/', model: 'm', key: 'k' } }))),
      /provider is malformed/,
    ],
    ['a cloud request without messages', call('askCloud', raw(cloudRequest({ messages: [] }))), /messages/],
    ['a cloud request without a count', call('askCloud', raw(cloudRequest({ redactions: -1 }))), /redactions/],
    ['empty messages', call('generate', raw({ requestId: 'r', messages: [] })), /messages must be a list/],
    ['bad roles', call('generate', raw(request({ messages: [{ role: 'tool', content: 'x' }] }))), /needs a role/],
    ['non-text content', call('generate', raw(request({ messages: [{ role: 'user', content: 42 }] }))), /needs a role/],
    [
      'huge prompts',
      call('generate', raw(request({ messages: [{ role: 'user', content: 'x'.repeat(4_000_001) }] }))),
      /too long/,
    ],
    ['silly token counts', call('generate', raw(request({ maxNewTokens: 0 }))), /maxNewTokens/],
    ['fractional token counts', call('generate', raw(request({ minNewTokens: 1.5 }))), /minNewTokens/],
    ['wild temperatures', call('generate', raw(request({ temperature: 9 }))), /temperature/],
    ['long request ids', call('cancel', raw('x'.repeat(200))), /requestId is malformed/],
  ])('refuses %s', (_name, message, reason) => {
    expect(checkEngineCall(message)).toMatch(reason);
  });

  test('the weights store may be managed', () => {
    expect(checkEngineCall(call('deleteCached', raw('a/b')))).toBeNull();
    expect(checkEngineCall(call('listCached'))).toBeNull();
    expect(checkEngineCall(call('download', raw('a/b'), raw({ dtype: 'q8' }), callback))).toBeNull();
    expect(checkEngineCall(call('cancelDownload', raw('a/b')))).toBeNull();
  });

  test.each([
    ['a bad model id', call('download', raw('no-slash'))],
    ['a bad dtype', call('download', raw('a/b'), raw({ dtype: 'int3' }))],
    ['a value for the progress callback', call('download', raw('a/b'), raw({}), raw('x'))],
  ])('%s is refused', (_name, message) => {
    expect(checkEngineCall(message)).not.toBeNull();
  });
});

describe('checkCallbackReply', () => {
  test('only replies may come back on a callback channel', () => {
    expect(checkCallbackReply({ id: 'x', type: 'RAW', value: undefined })).toBeNull();
    expect(checkCallbackReply({ id: 'x', type: 'HANDLER', name: 'throw', value: {} })).toBeNull();
    expect(checkCallbackReply({ id: 'x', type: 'HANDLER', name: 'proxy', value: {} })).toMatch(/unexpected handler/);
    expect(checkCallbackReply(call('status'))).toMatch(/only replies/);
    expect(checkCallbackReply({ id: 'x', type: 'RAW', value: 1, extra: 2 })).toMatch(/unexpected fields/);
  });
});

describe('classifySender', () => {
  const id = 'jkhnioojjpleefdmddbnookfbdhdcmki';
  const origin = `chrome-extension://${id}/`;
  test.each([
    [{ id, url: `${origin}options.html` }, 'extension-page'],
    [{ id, url: `${origin}options.html`, tab: { id: 3 } }, 'extension-page'],
    [{ id, url: 'https://example.com/', tab: { id: 3 } }, 'content-script'],
    [{ id: 'someone-else', url: 'https://example.com/', tab: { id: 3 } }, null],
    [{ url: 'https://example.com/' }, null],
    [undefined, null],
    [{ id, url: 'https://example.com/' }, null],
  ])('%o → %s', (sender, role) => {
    expect(classifySender(sender, id, origin)).toBe(role);
  });
});
