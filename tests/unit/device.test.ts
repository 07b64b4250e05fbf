import { describe, expect, test } from 'vitest';
import { DeviceUnavailableError, chooseDevice, chooseDtype, probeCapabilities } from '@/lib/device';
import { findModel } from '@/models';

const gpu = { webgpu: true, shaderF16: true };
const gpuNoF16 = { webgpu: true, shaderF16: false };
const cpu = { webgpu: false, shaderF16: false };

describe('device choice', () => {
  test.each([
    ['auto', gpu, 'webgpu'],
    ['auto', cpu, 'wasm'],
    ['wasm', gpu, 'wasm'],
    ['webgpu', gpu, 'webgpu'],
  ] as const)('%s with %o → %s', (preference, caps, expected) => {
    expect(chooseDevice(preference, caps)).toBe(expected);
  });

  test('forcing WebGPU without an adapter is refused clearly', () => {
    expect(() => chooseDevice('webgpu', cpu)).toThrow(DeviceUnavailableError);
    expect(() => chooseDevice('webgpu', cpu)).toThrow(/no WebGPU adapter/);
  });

  test('probing: no navigator.gpu, no adapter, a throwing adapter, f16 or not', async () => {
    expect(await probeCapabilities(undefined)).toEqual(cpu);
    expect(await probeCapabilities({ requestAdapter: async () => null })).toEqual(cpu);
    expect(await probeCapabilities({ requestAdapter: () => Promise.reject(new Error('lost')) })).toEqual(cpu);
    const adapter = (features: string[]) => ({ requestAdapter: async () => ({ features: new Set(features) }) });
    expect(await probeCapabilities(adapter(['shader-f16']))).toEqual(gpu);
    expect(await probeCapabilities(adapter([]))).toEqual(gpuNoF16);
  });
});

describe('dtype choice', () => {
  const smol360 = findModel('HuggingFaceTB/SmolLM2-360M-Instruct')!;
  const qwen = findModel('onnx-community/Qwen2.5-0.5B-Instruct')!;

  test('q4f16 on WebGPU with shader-f16, q4 without, q8 on WASM', () => {
    expect(chooseDtype(smol360, 'webgpu', gpu)).toBe('q4f16');
    expect(chooseDtype(smol360, 'webgpu', gpuNoF16)).toBe('q4');
    expect(chooseDtype(smol360, 'wasm', cpu)).toBe('q8');
  });

  test('only dtypes the model ships are chosen', () => {
    // Qwen2.5 ships q4f16 and q8 only: without shader-f16, WebGPU falls to q8.
    expect(chooseDtype(qwen, 'webgpu', gpuNoF16)).toBe('q8');
  });

  test('an explicit dtype wins; an uncatalogued model uses its own default', () => {
    expect(chooseDtype(smol360, 'wasm', cpu, 'fp32')).toBe('fp32');
    expect(chooseDtype(undefined, 'wasm', cpu)).toBeUndefined();
  });
});
