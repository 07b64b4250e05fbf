import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_ID, MB, catalog, findModel } from '@/models';

describe('model catalog', () => {
  test('has the required real ONNX builds, each once', () => {
    const ids = catalog.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'HuggingFaceTB/SmolLM2-135M-Instruct',
        'HuggingFaceTB/SmolLM2-360M-Instruct',
        'onnx-community/Qwen2.5-0.5B-Instruct',
        'onnx-community/Qwen3-0.6B-ONNX',
        'onnx-community/Llama-3.2-1B-Instruct',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(catalog)('$id is complete and plausible', (model) => {
    expect(model.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(model.contextWindow).toBeGreaterThanOrEqual(2048);
    expect(Object.keys(model.dtypes).length).toBeGreaterThan(0);
    for (const size of Object.values(model.dtypes)) expect(size).toBeGreaterThan(50 * MB);
    expect(model.licenseUrl).toMatch(/^https:\/\//);
    expect(model.notes.length).toBeGreaterThan(10);
  });

  test('records the sizes from the hub listings', () => {
    expect(findModel('HuggingFaceTB/SmolLM2-360M-Instruct')!.dtypes).toMatchObject({ q4f16: 299 * MB, q4: 417 * MB });
    expect(findModel('onnx-community/Qwen2.5-0.5B-Instruct')!.dtypes).toMatchObject({ q4f16: 483 * MB, q8: 512 * MB });
    expect(findModel('onnx-community/Llama-3.2-1B-Instruct')!.dtypes.q4f16).toBe(1070 * MB);
  });

  test('the default model is in the catalog; unknown ids are custom models', () => {
    expect(findModel(DEFAULT_MODEL_ID)).toBeDefined();
    expect(findModel('someone/custom-model')).toBeUndefined();
  });
});
