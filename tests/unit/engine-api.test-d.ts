/**
 * Type-level tests of the engine API as callers see it through Comlink, in the style of
 * Comlink's own tests/type-checks.ts: if the protocol drifts, this file stops compiling.
 */
import * as Comlink from 'comlink';
import { describe, expectTypeOf, test } from 'vitest';
import type {
  CachedModel,
  DownloadProgress,
  EngineAdminApi,
  EngineApi,
  EngineStatus,
  GenerateRequest,
  GenerateResult,
  LoadResult,
} from '@/lib/engine';
import type { EngineRemote } from '@/lib/messaging';
import { ENGINE_METHODS, generateStream } from '@/lib/messaging';

declare const engine: EngineRemote;
/** What a remote method's promise resolves to. */
type Resolved<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

const request: GenerateRequest = { requestId: 'r', messages: [{ role: 'user', content: 'hi' }] };

describe('EngineRemote', () => {
  test('every method returns a promise of plain data', () => {
    expectTypeOf<Resolved<EngineRemote['status']>>().toEqualTypeOf<EngineStatus>();
    expectTypeOf<Resolved<EngineRemote['generate']>>().toEqualTypeOf<GenerateResult>();
    expectTypeOf<Resolved<EngineRemote['cancel']>>().toEqualTypeOf<boolean>();
    expectTypeOf<Resolved<EngineRemote['unload']>>().toBeVoid();
    expectTypeOf<Resolved<EngineRemote['deleteCached']>>().toEqualTypeOf<number>();
    expectTypeOf<Resolved<EngineRemote['listCached']>>().toEqualTypeOf<CachedModel[]>();
  });

  test('callbacks go through Comlink.proxy and receive typed values', () => {
    expectTypeOf(
      engine.load(
        'a/b',
        { device: 'wasm' },
        Comlink.proxy((p: DownloadProgress) => void p.loaded),
      ),
    ).resolves.toEqualTypeOf<LoadResult>();
    expectTypeOf(
      generateStream(engine, request, (chunk) => expectTypeOf(chunk).toBeString()),
    ).resolves.toEqualTypeOf<GenerateResult>();
  });

  test('wrong shapes do not compile', () => {
    // @ts-expect-error a role outside the chat roles
    void engine.generate({ requestId: 'r', messages: [{ role: 'tool', content: 'x' }] });
    // @ts-expect-error requestId is required
    void engine.generate({ messages: [] });
    // @ts-expect-error unknown device
    void engine.load('a/b', { device: 'cuda' });
    // @ts-expect-error the stream callback receives text, not numbers
    void generateStream(engine, request, (chunk: number) => chunk);
  });

  test('status is a discriminated union', () => {
    expectTypeOf<Extract<EngineStatus, { state: 'ready' }>['device']>().toEqualTypeOf<'webgpu' | 'wasm'>();
    expectTypeOf<Extract<EngineStatus, { state: 'downloading' }>['progress']>().toEqualTypeOf<DownloadProgress>();
  });
});

describe('the validator’s allowlist is the API', () => {
  test('callers may use exactly EngineAdminApi: a method added to either side alone fails here', () => {
    expectTypeOf<(typeof ENGINE_METHODS)[number]>().toEqualTypeOf<keyof EngineAdminApi>();
  });

  test('answering needs no store management', () => {
    expectTypeOf<'unload' | 'deleteCached' | 'download'>().not.toMatchTypeOf<keyof EngineApi>();
  });
});
