// Tests for the test infrastructure itself: the local hub server and the tiny
// echo model fixture (tests/fixtures/models/edgewise-test/echo-tiny).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveModelFile, startHub, type Hub } from '../hub/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../fixtures/models');
const repo = 'edgewise-test/echo-tiny';
/** Of 10 held-out messages up to 64 bytes, how many must come back exactly. */
const EXACT_SHORT_ECHOES = 9;
const file = (f: string) => `/${repo}/resolve/main/${f}`;
/** Size of the fixture file the hub serves for `f` of `id`. */
const sizeOnDisk = (f: string, id = repo) => statSync(resolveModelFile(root, id, f)!).size;

let hub: Hub;
beforeAll(async () => {
  hub = await startHub({ root });
});
afterAll(async () => {
  await hub.close();
});

describe('local hub', () => {
  it('serves files with the HF resolve layout, CORS and Content-Length', async () => {
    hub.clearLog();
    const res = await fetch(hub.url + file('config.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(Number(res.headers.get('content-length'))).toBe(sizeOnDisk('config.json'));
    const cfg = await res.json();
    expect(cfg.model_type).toBe('llama');
    expect(hub.requests).toEqual([expect.objectContaining({ method: 'GET', path: file('config.json'), status: 200 })]);
  });

  it('answers HEAD without a body', async () => {
    const res = await fetch(hub.url + file('onnx/model.onnx'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(sizeOnDisk('onnx/model.onnx'));
  });

  it('serves a file a repo borrows through hub-alias.json under the requested path', async () => {
    const alias = 'edgewise-test/echo-tiny-1k';
    const onnx = `/${alias}/resolve/main/onnx/model.onnx`;
    expect(resolveModelFile(root, alias, 'onnx/model.onnx')).toBe(path.join(root, repo, 'onnx/model.onnx'));
    hub.clearLog();
    const head = await fetch(hub.url + onnx, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(sizeOnDisk('onnx/model.onnx', alias));
    const body = Buffer.from(await (await fetch(hub.url + onnx)).arrayBuffer());
    expect(body.equals(readFileSync(path.join(root, repo, 'onnx/model.onnx')))).toBe(true);
    // Its own config.json (the 1k window) still wins, and the alias file is not part of the repo.
    const config = `/${alias}/resolve/main/config.json`;
    expect((await (await fetch(hub.url + config)).json()).max_position_embeddings).toBe(1024);
    const aliasFile = `/${alias}/resolve/main/hub-alias.json`;
    expect((await fetch(hub.url + aliasFile)).status).toBe(404);
    expect(hub.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['HEAD', onnx, 200],
      ['GET', onnx, 200],
      ['GET', config, 200],
      ['GET', aliasFile, 404],
    ]);
  });

  it('returns 404 JSON for missing files and repos', async () => {
    const a = await fetch(hub.url + file('onnx/model_q4.onnx'));
    expect(a.status).toBe(404);
    expect(await a.json()).toHaveProperty('error');
    const b = await fetch(hub.url + '/nobody/nothing/resolve/main/config.json');
    expect(b.status).toBe(404);
  });

  it('rejects path traversal', async () => {
    const res = await fetch(hub.url + `/${repo}/resolve/main/..%2F..%2F..%2Ftiny-model%2Fgenerate.py`);
    expect([400, 404]).toContain(res.status);
  });

  it('injects faults', async () => {
    hub.setFault({ kind: 'notFound', match: 'tokenizer.json' });
    expect((await fetch(hub.url + file('tokenizer.json'))).status).toBe(404);
    expect((await fetch(hub.url + file('config.json'))).status).toBe(200);

    hub.setFault({ kind: 'truncate', match: 'model.onnx', afterBytes: 1000 });
    await expect(fetch(hub.url + file('onnx/model.onnx')).then((r) => r.arrayBuffer())).rejects.toThrow();

    hub.setFault({ kind: 'hangup' });
    await expect(fetch(hub.url + file('config.json'))).rejects.toThrow();

    hub.setFault({ kind: 'slow', bytesPerSecond: 2000 });
    const t0 = Date.now();
    const body = await (await fetch(hub.url + file('generation_config.json'))).text();
    expect(body.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(body.length >= 200 ? 50 : 0);

    hub.setFault(null);
    expect((await fetch(hub.url + file('config.json'))).status).toBe(200);
  });
});

describe('echo-tiny model via transformers.js', () => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'edgewise-tjs-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('loads from the hub and echoes the last user message', { timeout: 60_000 }, async () => {
    const { env, AutoTokenizer, AutoModelForCausalLM } = await import('@huggingface/transformers');
    env.remoteHost = hub.url + '/';
    env.allowRemoteModels = true;
    env.allowLocalModels = false;
    env.useFSCache = true; // required in Node: onnxruntime-node loads the model by file path
    env.cacheDir = cacheDir;

    const tokenizer = await AutoTokenizer.from_pretrained(repo);
    const model = await AutoModelForCausalLM.from_pretrained(repo, { device: 'cpu', dtype: 'fp32' });
    try {
      const echo = async (msg: string) => {
        const inputs = tokenizer.apply_chat_template([{ role: 'user', content: msg }], {
          add_generation_prompt: true,
          tokenize: true,
          return_dict: true,
        }) as { input_ids: { dims: number[] } };
        const out = (await model.generate({
          ...inputs,
          do_sample: false,
          max_new_tokens: Buffer.byteLength(msg) + 10,
        })) as { slice: (...a: unknown[]) => unknown };
        const fresh = out.slice(null, [inputs.input_ids.dims[1], null]);
        return tokenizer.batch_decode(fresh as never, { skip_special_tokens: true })[0];
      };
      // Byte-level tokenizer: one token per UTF-8 byte.
      expect(tokenizer.encode('é', { add_special_tokens: false })).toEqual([0xc3, 0xa9]);
      const msgs: string[] = JSON.parse(
        readFileSync(path.resolve(here, '../fixtures/tiny-model/eval-messages.json'), 'utf8'),
      );
      // The model copies short messages exactly (measured rates: tests/fixtures/tiny-model/README.md).
      const short = msgs.filter((m) => Buffer.byteLength(m) <= 64).slice(0, 10);
      let exact = 0;
      for (const m of short) if ((await echo(m)) === m) exact++;
      expect(exact).toBeGreaterThanOrEqual(EXACT_SHORT_ECHOES);
    } finally {
      await model.dispose();
    }
  });
});
