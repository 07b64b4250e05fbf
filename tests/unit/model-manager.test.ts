/** The model manager's logic: rows (lib/model-manager/rows.ts) and download rate/ETA (lib/model-manager/eta.ts). */
import { describe, expect, test } from 'vitest';
import type { DeviceCapabilities } from '@/lib/device';
import type { CachedModel } from '@/lib/engine';
import { RateMeter, formatDuration, managerRows } from '@/lib/model-manager';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { MB, catalog } from '@/models';

const SMOL_135 = 'HuggingFaceTB/SmolLM2-135M-Instruct';
const SMOL_360 = 'HuggingFaceTB/SmolLM2-360M-Instruct';
const QWEN = 'onnx-community/Qwen2.5-0.5B-Instruct';

const GPU_F16: DeviceCapabilities = { webgpu: true, shaderF16: true };
const GPU: DeviceCapabilities = { webgpu: true, shaderF16: false };
const CPU_ONLY: DeviceCapabilities = { webgpu: false, shaderF16: false };

const settings = (overrides: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...overrides });

function cached(modelId: string, complete: boolean, bytes = 1234): CachedModel {
  return { modelId, bytes, files: [{ file: 'config.json', size: bytes, sha256: 'x' }], storedAt: 1, complete };
}

function rowOf(rows: ReturnType<typeof managerRows>, id: string) {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('managerRows', () => {
  test('lists every catalogued model in catalog order, with names', () => {
    const rows = managerRows(catalog, [], settings(), CPU_ONLY);
    expect(rows.map((r) => r.id)).toEqual(catalog.map((m) => m.id));
    expect(rows.map((r) => r.name)).toEqual(catalog.map((m) => m.name));
    expect(rows.every((r, i) => r.model === catalog[i])).toBe(true);
  });

  test('WebGPU with shader-f16 uses q4f16 and its download size', () => {
    const row = rowOf(managerRows(catalog, [], settings(), GPU_F16), SMOL_360);
    expect(row).toMatchObject({ device: 'webgpu', dtype: 'q4f16', downloadBytes: 299 * MB, dtypeNote: null });
  });

  test('WebGPU without shader-f16 uses q4', () => {
    const row = rowOf(managerRows(catalog, [], settings(), GPU), SMOL_360);
    expect(row).toMatchObject({ device: 'webgpu', dtype: 'q4', downloadBytes: 417 * MB });
  });

  test('WASM uses q8 where the model ships it, else the next preference', () => {
    const rows = managerRows(catalog, [], settings(), CPU_ONLY);
    expect(rowOf(rows, SMOL_360)).toMatchObject({ device: 'wasm', dtype: 'q8', downloadBytes: 390 * MB });
    // SmolLM2-135M ships no q8: q4 is next on WASM.
    expect(rowOf(rows, SMOL_135)).toMatchObject({ device: 'wasm', dtype: 'q4', downloadBytes: 200 * MB });
  });

  test('a forced device is honoured', () => {
    const row = rowOf(managerRows(catalog, [], settings({ device: 'wasm' }), GPU_F16), SMOL_360);
    expect(row).toMatchObject({ device: 'wasm', dtype: 'q8', downloadBytes: 390 * MB });
  });

  test('a dtype setting the model ships is used, without a note', () => {
    const row = rowOf(managerRows(catalog, [], settings({ dtype: 'q4' }), CPU_ONLY), SMOL_360);
    expect(row).toMatchObject({ dtype: 'q4', downloadBytes: 417 * MB, dtypeNote: null });
  });

  test('a dtype setting the model does not ship gives a note and falls back to the automatic choice', () => {
    const rows = managerRows(catalog, [], settings({ dtype: 'q8' }), GPU_F16);
    // SmolLM2-135M has no q8: auto on WebGPU with f16 is q4f16.
    const row = rowOf(rows, SMOL_135);
    expect(row).toMatchObject({ dtype: 'q4f16', downloadBytes: 134 * MB });
    expect(row.dtypeNote).toContain('q8');
    expect(row.dtypeNote).toContain('q4f16');
    // The 360M ships q8, so it uses it and has no note.
    expect(rowOf(rows, SMOL_360)).toMatchObject({ dtype: 'q8', downloadBytes: 390 * MB, dtypeNote: null });
  });

  test('the device hint compares where the catalog says a model runs well with the device used here', () => {
    const hint = (id: string, caps: DeviceCapabilities, overrides: Partial<Settings> = {}) =>
      rowOf(managerRows(catalog, [], settings(overrides), caps), id).deviceHint;
    // SmolLM2 is recommended for the CPU, Qwen for WebGPU.
    expect(hint(SMOL_360, GPU_F16)).toBe('cpu');
    expect(hint(SMOL_360, CPU_ONLY)).toBe('cpu');
    expect(hint(QWEN, GPU_F16)).toBe('webgpu');
    expect(hint(QWEN, CPU_ONLY)).toBe('slowHere');
    // Forcing the CPU on a WebGPU machine makes a WebGPU model slow here too.
    expect(hint(QWEN, GPU_F16, { device: 'wasm' })).toBe('slowHere');
  });

  test('stored state follows what is cached: none, partial, complete', () => {
    const rows = managerRows(
      catalog,
      [cached(SMOL_360, true, 390 * MB), cached(SMOL_135, false, 5 * MB)],
      settings(),
      CPU_ONLY,
    );
    expect(rowOf(rows, SMOL_360)).toMatchObject({ stored: 'complete', storedBytes: 390 * MB });
    expect(rowOf(rows, SMOL_135)).toMatchObject({ stored: 'partial', storedBytes: 5 * MB });
    expect(rowOf(rows, QWEN)).toMatchObject({ stored: 'none', storedBytes: 0 });
  });

  test('isDefault marks only the model of the setting', () => {
    const rows = managerRows(catalog, [], settings({ modelId: QWEN }), CPU_ONLY);
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([QWEN]);
    const defaults = managerRows(catalog, [], settings(), CPU_ONLY);
    expect(defaults.filter((r) => r.isDefault).map((r) => r.id)).toEqual([DEFAULT_SETTINGS.modelId]);
  });

  test('an uncatalogued model id in the settings gets one extra row, last, with nothing known', () => {
    const custom = 'someone/custom-model';
    const rows = managerRows(catalog, [], settings({ modelId: custom }), GPU_F16);
    expect(rows).toHaveLength(catalog.length + 1);
    expect(rows.at(-1)).toEqual({
      id: custom,
      name: custom,
      model: undefined,
      device: 'webgpu',
      dtype: undefined,
      downloadBytes: undefined,
      dtypeNote: null,
      deviceHint: null,
      stored: 'none',
      storedBytes: 0,
      isDefault: true,
    });
  });

  test('an uncatalogued model that is both the setting and cached is listed once, with its stored state', () => {
    const custom = 'someone/custom-model';
    const rows = managerRows(
      catalog,
      [cached(custom, true, 42), cached('other/leftover', false, 7)],
      settings({ modelId: custom }),
      CPU_ONLY,
    );
    expect(rows.map((r) => r.id)).toEqual([...catalog.map((m) => m.id), custom, 'other/leftover']);
    expect(rowOf(rows, custom)).toMatchObject({ stored: 'complete', storedBytes: 42, isDefault: true });
    expect(rowOf(rows, 'other/leftover')).toMatchObject({ stored: 'partial', isDefault: false, model: undefined });
  });

  test('a forced WebGPU without an adapter does not throw; rows show WASM', () => {
    const rows = managerRows(catalog, [], settings({ device: 'webgpu' }), CPU_ONLY);
    expect(rows.every((r) => r.device === 'wasm')).toBe(true);
    expect(rowOf(rows, SMOL_360)).toMatchObject({ dtype: 'q8', downloadBytes: 390 * MB });
  });
});

describe('RateMeter', () => {
  test('gives no estimate before 500 ms of samples', () => {
    const meter = new RateMeter();
    expect(meter.sample(0, 10_000, 0)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    expect(meter.sample(200, 10_000, 200)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    expect(meter.sample(499, 10_000, 499)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    expect(meter.sample(500, 10_000, 500).secondsLeft).not.toBeNull();
  });

  test('a steady rate gives that rate and the time left', () => {
    const meter = new RateMeter();
    // 1000 bytes per second, sampled every 100 ms.
    let estimate = meter.sample(0, 10_000, 0);
    for (let at = 100; at <= 2000; at += 100) estimate = meter.sample(at, 10_000, at);
    expect(estimate.bytesPerSecond).toBeCloseTo(1000, 6);
    expect(estimate.secondsLeft).toBeCloseTo(8, 6);
  });

  test('only the last five seconds count', () => {
    const meter = new RateMeter();
    let loaded = 0;
    for (let at = 0; at <= 10_000; at += 100) meter.sample((loaded = at), 1_000_000, at); // 1000 B/s for 10 s
    let estimate = meter.sample(loaded, 1_000_000, 10_000);
    for (let at = 10_100; at <= 16_000; at += 100) estimate = meter.sample((loaded += 400), 1_000_000, at); // 4000 B/s
    expect(estimate.bytesPerSecond).toBeCloseTo(4000, 6);
    expect(estimate.secondsLeft).toBeCloseTo((1_000_000 - loaded) / 4000, 6);
  });

  test('progress going backwards (a new download) starts over', () => {
    const meter = new RateMeter();
    for (let at = 0; at <= 2000; at += 100) meter.sample(at * 10, 100_000, at);
    expect(meter.sample(500, 100_000, 2100)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    expect(meter.sample(700, 100_000, 2400)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    const estimate = meter.sample(1500, 100_000, 3100);
    expect(estimate.bytesPerSecond).toBeCloseTo(1000, 6); // (1500 - 500) bytes in 1 s, not the old 10 000 B/s
  });

  test('a finished download has 0 seconds left', () => {
    const meter = new RateMeter();
    meter.sample(0, 5000, 0);
    meter.sample(2500, 5000, 500);
    expect(meter.sample(5000, 5000, 1000)).toEqual({ bytesPerSecond: 5000, secondsLeft: 0 });
  });

  test('a stall or an unknown total has no time left estimate', () => {
    const stalled = new RateMeter();
    stalled.sample(1000, 5000, 0);
    expect(stalled.sample(1000, 5000, 1000)).toEqual({ bytesPerSecond: 0, secondsLeft: null });
    const unknown = new RateMeter();
    unknown.sample(0, 0, 0);
    expect(unknown.sample(1000, 0, 1000)).toEqual({ bytesPerSecond: 1000, secondsLeft: null });
  });
});

describe('formatDuration', () => {
  test.each([
    [0.2, '1 s'],
    [12, '12 s'],
    [12.4, '12 s'],
    [59, '59 s'],
    [60, '1 min'],
    [89, '1 min'],
    [90, '2 min'],
    [180, '3 min'],
    [59 * 60, '59 min'],
    [3600, '1 h 0 min'],
    [3900, '1 h 5 min'],
    [2 * 3600 + 30 * 60, '2 h 30 min'],
  ])('%f s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('%f is unknown (—)', (seconds) => {
    expect(formatDuration(seconds)).toBe('—');
  });
});
