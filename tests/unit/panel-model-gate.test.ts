/**
 * The one model gate (lib/panel/model-gate.ts) with the real engine in Node: nothing is
 * fetched without the user's yes, a download shows progress and can be cancelled and
 * resumed, and a feature waiting for the model goes on once it is stored.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelNotDownloadedError, type DownloadState } from '@/lib/panel';
import { ECHO_MODEL } from './helpers/node-engine';
import { startPanelServices, type PanelServices } from './helpers/panel-services';

let p: PanelServices;
beforeEach(async () => {
  p = await startPanelServices();
});
afterEach(() => p.close());

/** Whether `promise` is still pending after `ms`. */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const marker = Symbol('pending');
  const first = await Promise.race([
    promise.then(() => 'settled'),
    new Promise((r) => setTimeout(() => r(marker), ms)),
  ]);
  return first === marker;
}

/** Every state the download of the echo model goes through. */
function recordDownload(): DownloadState[] {
  const seen: DownloadState[] = [];
  p.downloads.state.subscribe(() => {
    const state = p.downloads.get(ECHO_MODEL);
    if (state) seen.push(state);
  });
  return seen;
}

describe('without the user’s yes', () => {
  test('a feature asking for the model is refused, and nothing is requested from the hub', async () => {
    await expect(p.gate.loadForText(ECHO_MODEL, () => undefined)).rejects.toThrow(ModelNotDownloadedError);
    expect(await p.gate.isStored(ECHO_MODEL)).toBe(false);
    const waiting = p.gate.whenStored(ECHO_MODEL);
    expect(await pendingAfter(waiting, 300)).toBe(true);
    expect(p.node.hub.requests).toEqual([]);
    expect(await p.node.engine.listCached()).toEqual([]);
  });

  test('a stopped wait rejects with AbortError and still fetches nothing', async () => {
    const abort = new AbortController();
    const waiting = p.gate.whenStored(ECHO_MODEL, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', message: /Stopped before the model/ });
    expect(p.node.hub.requests).toEqual([]);
  });
});

describe('after the user’s yes', () => {
  test('the download reports bytes and completes; a waiting feature goes on and can load it', async () => {
    const seen = recordDownload();
    const waiting = p.gate.whenStored(ECHO_MODEL);
    await expect(p.gate.accept(ECHO_MODEL)).resolves.toBe(true);
    await waiting;
    const loaded = seen.map((s) => s.progress?.loaded ?? 0);
    expect(loaded.filter((n, i) => n > (loaded[i - 1] ?? 0)).length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)!.progress!.total).toBeGreaterThan(2_000_000);
    expect(p.downloads.get(ECHO_MODEL)).toBeUndefined(); // done: nothing left to show
    expect(p.models.row(ECHO_MODEL)?.stored).toBe('complete');
    expect(p.models.state.value.storage).toEqual({ usage: 5_000_000, quota: 100_000_000 });
    const model = await p.gate.loadForText(ECHO_MODEL, () => undefined);
    expect(model.contextWindow).toBe(2048);
    expect(await model.countTokens(['abc'])).toEqual([3]);
  });

  test('cancel keeps the finished files and says so; a second yes fetches only the rest', async () => {
    p.node.hub.setFault({ kind: 'slow', match: 'model.onnx', bytesPerSecond: 400_000 });
    const seen = recordDownload();
    const first = p.gate.accept(ECHO_MODEL);
    await expect
      .poll(() => seen.at(-1)?.progress?.files['onnx/model.onnx']?.loaded ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0);
    p.downloads.cancel(ECHO_MODEL);
    await expect(first).resolves.toBe(false);
    const cancelled = p.downloads.get(ECHO_MODEL)!;
    expect(cancelled.running).toBe(false);
    expect(cancelled.error).toMatch(/cancel/i);
    expect(await p.gate.isStored(ECHO_MODEL)).toBe(false);

    p.node.hub.setFault(null);
    p.node.hub.clearLog();
    await expect(p.gate.accept(ECHO_MODEL)).resolves.toBe(true);
    expect(p.fileGets()).toEqual(['onnx/model.onnx']);
    expect(await p.gate.isStored(ECHO_MODEL)).toBe(true);
  });
});
