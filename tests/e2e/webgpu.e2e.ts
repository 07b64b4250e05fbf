/**
 * The same path on WebGPU (SwiftShader here: slow but correct). The greedy text equals
 * the WASM text and the Node reference.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ECHO_MODEL, nodeGreedyText, startSession, type Session } from './harness';

const PROMPT = [{ role: 'user' as const, content: 'WebGPU and WASM must agree.' }];
const MAX_NEW = 40;

let session: Session;
beforeAll(async () => {
  session = await startSession({ webgpu: true });
});
afterAll(() => session?.close());

test('WebGPU and WASM stream the same greedy text', async () => {
  const probe = await session.openProbe();
  const onGpu = await probe.call('load', ECHO_MODEL, { device: 'webgpu' });
  expect(onGpu.error).toBeUndefined();
  expect(onGpu.result!.device).toBe('webgpu');
  await probe.call('start', { requestId: 'gpu', messages: PROMPT, maxNewTokens: MAX_NEW });
  const gpu = await probe.call('wait', 'gpu');
  expect(gpu.error).toBeUndefined();

  const onCpu = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  expect(onCpu.result!.device).toBe('wasm');
  expect(onCpu.result!.downloadedFiles).toEqual([]); // same files, from IndexedDB
  await probe.call('start', { requestId: 'cpu', messages: PROMPT, maxNewTokens: MAX_NEW });
  const cpu = await probe.call('wait', 'cpu');

  expect(gpu.result!.text).toBe(cpu.result!.text);
  expect(gpu.result!.text).toBe(await nodeGreedyText(session.hub.url, ECHO_MODEL, PROMPT, MAX_NEW));
  expect(gpu.chunks.map((c) => c.text).join('')).toBe(gpu.result!.text);
});

test('auto picks WebGPU when an adapter exists', async () => {
  const probe = await session.openProbe();
  await probe.call('unload');
  const auto = await probe.call('load', ECHO_MODEL, { device: 'auto' });
  expect(auto.result!.device).toBe('webgpu');
});
