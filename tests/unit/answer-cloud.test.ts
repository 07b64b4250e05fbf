/** Issue 14: the one answer stream, routed to a cloud provider: redacted out, restored in, failures kept. */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CloudAnswerError, streamAnswer, whereItRan, type AnswerEngine, type CloudRoute } from '@/lib/answer';
import { CloudEngine } from '@/lib/cloud';
import { redactMessages } from '@/lib/routing';
import { loadSettings, saveSettings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { freshDatabase } from './helpers/database';
import { ANSWER_PREFIX, startCloud } from '../cloud/server.mjs';
import type { CloudServer } from '../cloud/server.d.mts';

let server: CloudServer;
let db: EdgewiseDatabase;
let engine: AnswerEngine;
beforeAll(async () => {
  server = await startCloud({ chunkChars: 3 });
});
afterAll(() => server.close());
beforeEach(async () => {
  server.clearLog();
  server.setFault(null);
  db = freshDatabase();
  await saveSettings(db, { cloudName: 'Test cloud', cloudBaseUrl: `${server.url}/v1/`, cloudModel: 'test-model' });
  const cloud = new CloudEngine({ db, settings: () => loadSettings(db) });
  engine = {
    generate: () => Promise.reject(new Error('the device must not answer a cloud request')),
    cancel: (id) => Promise.resolve(cloud.cancel(id)),
    askCloud: (request, onChunk) => cloud.ask(request, onChunk),
  };
});

const QUESTION = 'Reply to ada@example.org and call +44 20 7946 0958.';

function routed() {
  const { messages, redactions } = redactMessages([{ role: 'user', content: QUESTION }], []);
  const route: CloudRoute = {
    provider: { name: 'Test cloud', baseUrl: `${server.url}/v1/`, model: 'test-model' },
    site: 'example.com',
    redactions,
  };
  return { messages: messages.map(({ role, content }) => ({ role, content })), route };
}

describe('streamAnswer to the cloud', () => {
  test('sends the redacted text only, and shows the reply with the real values restored', async () => {
    const { messages, route } = routed();
    const pieces: string[] = [];
    const answer = await streamAnswer(engine, {
      feature: 'chat',
      messages,
      modelId: 'test-model',
      maxNewTokens: 64,
      onText: (piece) => pieces.push(piece),
      cloud: route,
    });
    expect(server.requests).toHaveLength(1);
    const body = server.requests[0]!.body;
    expect(body).not.toContain('ada@example.org');
    expect(body).not.toContain('7946');
    expect(body).toContain('[EMAIL_1]');
    expect(answer.text).toBe(ANSWER_PREFIX + QUESTION);
    expect(pieces.join('')).toBe(answer.text);
    for (const piece of pieces) expect(piece).not.toMatch(/\[(?:E|EM|EMA|P|PH)[A-Z_\d]*$/);
    expect(answer.origin).toEqual({
      kind: 'cloud',
      provider: 'Test cloud',
      model: 'test-model',
      tokensSent: expect.any(Number),
      tokensEstimated: false,
      redactions: 2,
    });
    expect(whereItRan(answer.origin!)).toMatch(/^Cloud · Test cloud · test-model · [\d,]+ tokens sent, 2 redactions$/);
  });

  test('a failure throws after the partial text was streamed', async () => {
    server.setFault({ kind: 'cut', afterChunks: 4 });
    const { messages, route } = routed();
    const pieces: string[] = [];
    const failed = streamAnswer(engine, {
      feature: 'chat',
      messages,
      modelId: 'test-model',
      maxNewTokens: 64,
      onText: (piece) => pieces.push(piece),
      cloud: route,
    });
    await expect(failed).rejects.toBeInstanceOf(CloudAnswerError);
    await expect(failed).rejects.toMatchObject({ failure: { kind: 'cut' }, provider: 'Test cloud' });
    expect(pieces.join('')).toBe(ANSWER_PREFIX.slice(0, 12));
  });

  test('a stop resolves as stopped, with what arrived', async () => {
    server.setFault({ kind: 'hang' });
    const { messages, route } = routed();
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const answer = await streamAnswer(engine, {
      feature: 'chat',
      messages,
      modelId: 'test-model',
      maxNewTokens: 64,
      signal: abort.signal,
      cloud: route,
    });
    expect(answer).toMatchObject({ stopped: true, finishReason: 'cancelled' });
  });

  test('an engine without a cloud refuses a cloud route', async () => {
    const { messages, route } = routed();
    const local: AnswerEngine = { generate: engine.generate, cancel: engine.cancel };
    await expect(
      streamAnswer(local, { feature: 'chat', messages, modelId: 'm', maxNewTokens: 8, cloud: route }),
    ).rejects.toThrow(/cannot send to a cloud/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('whereItRan', () => {
  test('device and cloud wordings', () => {
    expect(
      whereItRan({ kind: 'device', modelId: 'HuggingFaceTB/SmolLM2-360M', device: 'webgpu', tokensPerSecond: 24.4 }),
    ).toBe('On this device · WebGPU · HuggingFaceTB/SmolLM2-360M · 24 tok/s');
    expect(
      whereItRan({
        kind: 'cloud',
        provider: 'OpenRouter',
        model: 'm',
        tokensSent: 812,
        tokensEstimated: true,
        redactions: 1,
      }),
    ).toBe('Cloud · OpenRouter · m · ~812 tokens sent, 1 redaction');
    expect(
      whereItRan({
        kind: 'cloud',
        provider: 'OpenRouter',
        model: 'm',
        tokensSent: 812,
        tokensEstimated: false,
        redactions: 0,
      }),
    ).toBe('Cloud · OpenRouter · m · 812 tokens sent, no redactions');
  });
});
