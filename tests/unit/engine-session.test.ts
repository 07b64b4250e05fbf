import { describe, expect, test } from 'vitest';
import type { EngineAdminApi, GenerateRequest, GenerateResult } from '@/lib/engine';
import { EngineSession } from '@/lib/messaging';

/** An engine that records what reaches it and finishes requests when told to. */
function fakeEngine() {
  const started: GenerateRequest[] = [];
  const cancelled: string[] = [];
  const finish = new Map<string, () => void>();
  const engine = {
    status: async () => ({ state: 'idle' as const }),
    async generate(request: GenerateRequest, onChunk?: (c: string) => void): Promise<GenerateResult> {
      started.push(request);
      onChunk?.('a ');
      onChunk?.('b');
      await new Promise<void>((resolve) => finish.set(request.requestId, resolve));
      return {
        requestId: request.requestId,
        modelId: 'test/model',
        device: 'wasm',
        text: 'a b',
        finishReason: 'stop',
        promptTokens: 1,
        completionTokens: 2,
        ttftMs: 1,
        queuedMs: 0,
        totalMs: 1,
        tokensPerSecond: 1,
      };
    },
    async cancel(id: string) {
      cancelled.push(id);
      finish.get(id)?.();
      return true;
    },
  } as unknown as EngineAdminApi;
  return { engine, started, cancelled, finish };
}

const request = (requestId: string): GenerateRequest => ({ requestId, messages: [{ role: 'user', content: 'x' }] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('EngineSession', () => {
  test('namespaces request ids per connection and hands back the caller’s own id', async () => {
    const fake = fakeEngine();
    const one = new EngineSession(fake.engine);
    const two = new EngineSession(fake.engine);
    const a = one.generate(request('1'));
    const b = two.generate(request('1'));
    await tick();
    expect(new Set(fake.started.map((r) => r.requestId)).size).toBe(2);
    fake.finish.forEach((done) => done());
    expect((await a).requestId).toBe('1');
    expect((await b).requestId).toBe('1');
  });

  test('a caller can cancel only its own requests', async () => {
    const fake = fakeEngine();
    const mine = new EngineSession(fake.engine);
    const other = new EngineSession(fake.engine);
    const running = mine.generate(request('r'));
    await tick();
    expect(await other.cancel('r')).toBe(false);
    expect(fake.cancelled).toEqual([]);
    expect(await mine.cancel('r')).toBe(true);
    await running;
  });

  test('when the caller goes away, its requests are cancelled', async () => {
    const fake = fakeEngine();
    const session = new EngineSession(fake.engine);
    const running = session.generate(request('r'));
    await tick();
    session.end();
    await running;
    expect(fake.cancelled).toEqual([fake.started[0]!.requestId]);
  });

  test('a callback whose caller is gone cancels the generation', async () => {
    const fake = fakeEngine();
    const session = new EngineSession(fake.engine);
    const deadCallback = () => Promise.reject(new Error('port closed'));
    const running = session.generate(request('r'), deadCallback as unknown as (c: string) => void);
    await tick();
    await running;
    expect(fake.cancelled).toHaveLength(1);
  });

  test('every chunk is acknowledged before the result is returned', async () => {
    const fake = fakeEngine();
    const session = new EngineSession(fake.engine);
    const acknowledged: string[] = [];
    const slowCallback = (chunk: string) =>
      new Promise<void>((r) => setTimeout(() => (acknowledged.push(chunk), r()), 20));
    const running = session.generate(request('r'), slowCallback as unknown as (c: string) => void);
    await tick();
    fake.finish.forEach((done) => done());
    await running;
    expect(acknowledged).toEqual(['a ', 'b']);
  });
});
