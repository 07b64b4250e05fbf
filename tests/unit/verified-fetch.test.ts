import { describe, expect, test } from 'vitest';
import { VerifiedFetch } from '@/lib/engine';

function streamOf(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

describe('VerifiedFetch', () => {
  test('passes a complete body through and records the URL', async () => {
    const fetcher = new VerifiedFetch(
      async () =>
        new Response(streamOf([new Uint8Array(4), new Uint8Array(6)]), { headers: { 'content-length': '10' } }),
    );
    const res = await fetcher.fetch('http://hub/a/b/resolve/main/x');
    expect((await res.arrayBuffer()).byteLength).toBe(10);
    expect(fetcher.fetched).toEqual(['http://hub/a/b/resolve/main/x']);
  });

  test('a body that ends early errors instead of looking complete', async () => {
    const fetcher = new VerifiedFetch(
      async () => new Response(streamOf([new Uint8Array(4)]), { headers: { 'content-length': '10' } }),
    );
    const res = await fetcher.fetch('http://hub/f');
    await expect(res.arrayBuffer()).rejects.toThrow(/stopped at 4 of 10 bytes/);
  });

  test('an unreachable host is a clear error naming the URL', async () => {
    const fetcher = new VerifiedFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(fetcher.fetch('http://down/f')).rejects.toThrow(
      'Could not reach the model host for http://down/f: fetch failed',
    );
  });

  test('404s are remembered, and reset clears both lists', async () => {
    const fetcher = new VerifiedFetch(async () => new Response('no', { status: 404 }));
    expect((await fetcher.fetch('http://hub/missing')).status).toBe(404);
    expect(fetcher.notFound).toEqual(['http://hub/missing']);
    fetcher.reset();
    expect(fetcher.fetched).toEqual([]);
    expect(fetcher.notFound).toEqual([]);
  });
});
