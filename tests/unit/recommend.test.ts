import { describe, expect, test } from 'vitest';
import { recommendModel } from '@/lib/model-manager';
import { catalog } from '@/models';

const GB = 1_000_000_000;
const cpu = { webgpu: false, shaderF16: false };
const gpu = { webgpu: true, shaderF16: true };

describe('recommendModel', () => {
  test('without WebGPU: the default CPU model, saying why', () => {
    expect(recommendModel(catalog, cpu, 50 * GB)).toEqual({
      modelId: 'HuggingFaceTB/SmolLM2-360M-Instruct',
      name: 'SmolLM2 360M Instruct',
      bytes: 390_000_000, // q8 on the CPU
      reason: expect.stringMatching(/^Without WebGPU, answers run on the CPU/),
    });
  });

  test('with WebGPU: a larger model that the GPU makes quick', () => {
    expect(recommendModel(catalog, gpu, 50 * GB)).toMatchObject({
      modelId: 'onnx-community/Qwen2.5-0.5B-Instruct',
      reason: expect.stringMatching(/^This browser has WebGPU/),
    });
  });

  test('unknown free space does not stop a recommendation', () => {
    expect(recommendModel(catalog, cpu, null)?.modelId).toBe('HuggingFaceTB/SmolLM2-360M-Instruct');
  });

  test('little free space: the smallest model, and the space is named', () => {
    expect(recommendModel(catalog, gpu, 700_000_000)).toMatchObject({
      modelId: 'HuggingFaceTB/SmolLM2-135M-Instruct',
      reason: 'Only 700 MB is free on this device, so this is the smallest model.',
    });
  });

  test('an empty catalog recommends nothing', () => {
    expect(recommendModel([], cpu, 50 * GB)).toBeNull();
  });
});
