/** Issue 14: cloud requests in the offscreen document: checked, logged before sending, keyed to their origin. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CloudEngine, apiKeyFor, apiKeyStatus, forgetApiKey, listEgress, saveApiKey, withCloud } from '@/lib/cloud';
import type { CloudRequest, DeviceEngineApi } from '@/lib/engine';
import { loadSettings, saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';
import { ANSWER_PREFIX, startCloud } from '../cloud/server.mjs';
import type { CloudServer } from '../cloud/server.d.mts';

let server: CloudServer;
let db: EdgewiseDatabase;
beforeAll(async () => {
  server = await startCloud();
});
afterAll(() => server.close());
beforeEach(async () => {
  server.clearLog();
  server.setFault(null);
  db = freshDatabase();
  await saveSettings(db, { cloudName: 'Test cloud', cloudBaseUrl: `${server.url}/v1/`, cloudModel: 'test-model' });
});

function request(extra: Partial<CloudRequest> = {}): CloudRequest {
  return {
    requestId: 'c1',
    feature: 'chat',
    site: 'example.com',
    provider: { name: 'Test cloud', baseUrl: `${server.url}/v1/`, model: 'test-model' },
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello [EMAIL_1]' },
    ],
    maxNewTokens: 32,
    redactions: 1,
    ...extra,
  };
}

const engine = (extra: Partial<ConstructorParameters<typeof CloudEngine>[0]> = {}) =>
  new CloudEngine({ db, settings: () => loadSettings(db), ...extra });

describe('CloudEngine', () => {
  test('sends exactly the messages given, streams the answer and logs one row', async () => {
    const pieces: string[] = [];
    const result = await engine().ask(request(), (piece) => pieces.push(piece));
    expect(result).toMatchObject({ text: `${ANSWER_PREFIX}Hello [EMAIL_1]`, finishReason: 'stop', error: null });
    expect(pieces.join('')).toBe(result.text);
    expect(server.requests).toHaveLength(1);
    const sent = JSON.parse(server.requests[0]!.body) as { model: string; messages: unknown };
    expect(sent.model).toBe('test-model');
    expect(sent.messages).toEqual(request().messages);
    const [row] = await listEgress(db);
    expect(row).toMatchObject({
      provider: 'Test cloud',
      origin: server.url,
      model: 'test-model',
      feature: 'chat',
      site: 'example.com',
      bytesSent: server.requests[0]!.body.length,
      redactions: 1,
      status: 'ok',
      httpStatus: 200,
      tokensEstimated: false,
      tokensReceived: result.completionTokens,
    });
    expect(row!.bytesReceived).toBeGreaterThan(result.text.length);
  });

  test('the provider the consent named must still be the configured one: otherwise nothing is sent', async () => {
    const changed = await engine().ask(
      request({ provider: { name: 'x', baseUrl: 'https://evil.example/v1/', model: 'm' } }),
    );
    expect(changed.error?.kind).toBe('changed');
    await saveSettings(db, { cloudBaseUrl: '' });
    expect((await engine().ask(request())).error?.kind).toBe('notConfigured');
    expect(server.requests).toHaveLength(0);
    expect(await listEgress(db)).toHaveLength(0);
  });

  test('if the log cannot be written, nothing is sent', async () => {
    // The log's table refuses the row (a full disk): the request must not go.
    db.egress.hook('creating', () => {
      throw new Error('QuotaExceededError');
    });
    await expect(engine().ask(request())).rejects.toThrow(/QuotaExceeded/);
    expect(server.requests).toHaveLength(0);
  });

  test('a failure is logged with its kind and keeps the partial text', async () => {
    server.setFault({ kind: 'cut', afterChunks: 2 });
    const result = await engine().ask(request());
    expect(result.error?.kind).toBe('cut');
    expect(result.text.length).toBeGreaterThan(0);
    expect((await listEgress(db))[0]).toMatchObject({ status: 'failed', error: 'cut' });
  });

  test('a server without usage: token counts are estimated, and the log says so', async () => {
    server.setFault({ kind: 'noUsage' });
    const result = await engine().ask(request());
    expect(result.tokensEstimated).toBe(true);
    expect(result.promptTokens).toBeGreaterThan(0);
    expect((await listEgress(db))[0]).toMatchObject({ status: 'ok', tokensEstimated: true });
  });

  test('cancel stops a hanging request, which is logged as stopped', async () => {
    server.setFault({ kind: 'hang' });
    const cloud = engine();
    const host = withCloud({ cancel: () => Promise.resolve(false) } as unknown as DeviceEngineApi, cloud);
    const answer = host.askCloud(request());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await host.cancel('c1')).toBe(true);
    expect((await answer).finishReason).toBe('cancelled');
    expect((await listEgress(db))[0]).toMatchObject({ status: 'stopped' });
    expect(await host.cancel('c1')).toBe(false);
  });
});

describe('the API key', () => {
  test('is sent only to the origin it was saved for', async () => {
    await saveApiKey(db, `${server.url}/v1/`, '  sk-test-123  ');
    await engine().ask(request());
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
    expect(await apiKeyFor(db, 'https://elsewhere.example/v1/')).toBeNull();
    expect(await apiKeyStatus(db)).toMatchObject({ origin: server.url });
  });

  test('is one token; bad input is refused and the saved key stays', async () => {
    await saveApiKey(db, 'https://api.example.com/v1/', 'sk-good');
    await expect(saveApiKey(db, 'https://api.example.com/v1/', 'sk bad')).rejects.toThrow(/without spaces/);
    await expect(saveApiKey(db, 'https://api.example.com/v1/', '')).rejects.toThrow(/without spaces/);
    expect(await apiKeyFor(db, 'https://api.example.com/v1/')).toBe('sk-good');
  });

  test('"Forget key" deletes it', async () => {
    await saveApiKey(db, 'https://api.example.com/v1/', 'sk-good');
    await forgetApiKey(db);
    expect(await apiKeyStatus(db)).toBeNull();
    expect(await apiKeyFor(db, 'https://api.example.com/v1/')).toBeNull();
  });

  test('is not in the settings record', async () => {
    await saveApiKey(db, 'https://api.example.com/v1/', 'sk-secret-value');
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('sk-secret-value');
  });
});
