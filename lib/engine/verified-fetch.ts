/**
 * The fetch transformers.js downloads model files with (`env.fetch`).
 *
 * transformers.js sizes its buffer from Content-Length and, if a body ends early
 * without an error, returns the zero-padded buffer as if complete. This wrapper turns
 * a short body into a stream error, so a truncated file fails the load instead of
 * being cached. It also records which URLs really went to the network.
 */
export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export class VerifiedFetch {
  /** URLs fetched from the network since the last `reset()`. */
  readonly fetched: string[] = [];
  /** URLs the server answered 404 for (some optional files are allowed to be missing). */
  readonly notFound: string[] = [];

  constructor(private readonly inner: Fetch = (input, init) => globalThis.fetch(input, init)) {}

  readonly fetch: Fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    this.fetched.push(url);
    let response: Response;
    try {
      response = await this.inner(input, init);
    } catch (error) {
      throw new Error(`Could not reach the model host for ${url}: ${describe(error)}`, { cause: error });
    }
    if (response.status === 404) this.notFound.push(url);
    const declared = Number(response.headers.get('content-length'));
    if (!response.ok || !response.body || !declared) return response;
    return new Response(response.body.pipeThrough(lengthCheck(url, declared)), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };

  reset(): void {
    this.fetched.length = 0;
    this.notFound.length = 0;
  }
}

/** Errors the stream if it ends before `declared` bytes (a dropped connection). */
function lengthCheck(url: string, declared: number): TransformStream<Uint8Array, Uint8Array> {
  let received = 0;
  return new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      controller.enqueue(chunk);
    },
    flush(controller) {
      // Only "short" is an error: a compressed transfer may decode to more bytes than declared.
      if (received < declared) {
        controller.error(
          new Error(`Download of ${url} stopped at ${received} of ${declared} bytes. Nothing was saved; try again.`),
        );
      }
    },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
