import { describe, expect, test } from 'vitest';
import { explainDownloadError } from '@/lib/panel';

describe('explainDownloadError', () => {
  test('an unreachable host: offline? your own host? a smaller model?', () => {
    const raw =
      'Could not load "HuggingFaceTB/SmolLM2-360M-Instruct" from https://huggingface.co/: Could not reach the model host for https://huggingface.co/HuggingFaceTB/SmolLM2-360M-Instruct/resolve/main/config.json: Failed to fetch';
    expect(explainDownloadError(raw, 'SmolLM2 360M Instruct')).toEqual({
      text: 'Edgewise could not reach huggingface.co. Are you offline? You can also use your own model host, or a smaller model.',
      steps: ['retry', 'settings', 'models'],
      detail: raw,
    });
  });

  test.each([
    [
      'Model "a/b" was not found on http://127.0.0.1:9/ (missing: config.json).',
      /^127\.0\.0\.1:9 has no model “B”/,
      ['models', 'settings'],
    ],
    [
      'There is not enough disk space to store a/b (onnx/model.onnx did not fit). Free some space or choose a smaller model; nothing of this download was kept.',
      /not enough free space on this device for B/,
      ['models', 'retry'],
    ],
    [
      'This model needs 390 MB, but only 12 MB of storage is free. Free some space or choose a smaller model.',
      /not enough free space on this device for B/,
      ['models', 'retry'],
    ],
    ['onnx/model.onnx: the downloaded bytes do not match the SHA-256 the model host published', /damaged/, ['retry']],
    ['the download stopped at 10 of 20 bytes', /connection dropped/, ['retry']],
    ['EngineDisconnected: The connection to the Edgewise engine was lost.', /engine stopped/, ['retry']],
  ])('%s', (raw, text, steps) => {
    const plain = explainDownloadError(raw, 'B');
    expect(plain.text).toMatch(text);
    expect(plain.steps).toEqual(steps);
    expect(plain.detail).toBe(raw);
  });

  test('a cancelled download keeps its own words, and anything unknown is shown as it is', () => {
    expect(explainDownloadError('Download cancelled; the complete files are kept.', 'B')).toEqual({
      text: 'Download cancelled; the complete files are kept.',
      steps: ['retry'],
      detail: '',
    });
    expect(explainDownloadError('Something odd', 'B').text).toBe('Something odd');
  });
});
