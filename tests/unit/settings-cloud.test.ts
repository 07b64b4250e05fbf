/** Issue 14: the cloud provider settings: base URL, model, context window, redaction and rules. */
import { describe, expect, test } from 'vitest';
import { freshDatabase } from './helpers/database';
import {
  DEFAULT_SETTINGS,
  SettingsError,
  cloudDisplayName,
  cloudReady,
  loadSettings,
  saveSettings,
  validateSettings,
} from '@/lib/settings';

describe('defaults', () => {
  test('no provider, redaction on, no rules', async () => {
    const settings = await loadSettings(freshDatabase());
    expect(settings).toMatchObject({ cloudBaseUrl: '', cloudModel: '', cloudRedact: true, cloudRules: [] });
    expect(cloudReady(DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('the base URL', () => {
  test.each([
    ['https://api.openai.com/v1', 'https://api.openai.com/v1/'],
    ['https://openrouter.ai/api/v1/', 'https://openrouter.ai/api/v1/'],
    ['https://api.example.com/v1/chat/completions', 'https://api.example.com/v1/'],
    ['https://api.example.com/v1/?x=1#y', 'https://api.example.com/v1/'],
    ['http://localhost:11434/v1', 'http://localhost:11434/v1/'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080/v1/'],
    ['http://192.168.1.20:8000/v1', 'http://192.168.1.20:8000/v1/'],
    ['http://10.0.0.5:8000/v1', 'http://10.0.0.5:8000/v1/'],
    ['http://172.20.0.2:8000/v1', 'http://172.20.0.2:8000/v1/'],
    ['http://gpu-box.local:8000/v1', 'http://gpu-box.local:8000/v1/'],
    ['  ', ''],
  ])('%s → %s', (input, expected) => {
    expect(validateSettings({ cloudBaseUrl: input }).cloudBaseUrl).toBe(expected);
  });

  test.each([
    ['http://api.example.com/v1', /https:\/\//],
    ['http://172.32.0.1/v1', /https:\/\//],
    ['ftp://example.com/', /https:\/\//],
    ['not a url', /is not a URL/],
    ['https://user:key@api.example.com/v1', /key field/],
  ])('%s is refused', (input, message) => {
    expect(() => validateSettings({ cloudBaseUrl: input })).toThrow(SettingsError);
    expect(() => validateSettings({ cloudBaseUrl: input })).toThrow(message);
  });
});

describe('the other fields', () => {
  test('model and name are one trimmed line', () => {
    expect(validateSettings({ cloudModel: ' gpt-4o-mini ', cloudName: ' OpenAI ' })).toEqual({
      cloudModel: 'gpt-4o-mini',
      cloudName: 'OpenAI',
    });
    expect(() => validateSettings({ cloudModel: 'a\nb' })).toThrow(/one line/);
    expect(() => validateSettings({ cloudName: 'x'.repeat(61) })).toThrow(/60 characters/);
  });

  test('the context window is a whole number in range', () => {
    expect(validateSettings({ cloudContextTokens: 128_000 })).toEqual({ cloudContextTokens: 128_000 });
    expect(() => validateSettings({ cloudContextTokens: 100 })).toThrow(/context window/);
    expect(() => validateSettings({ cloudContextTokens: 4096.5 })).toThrow(/context window/);
  });

  test('rules: features checked, sites normalised, duplicates dropped', () => {
    expect(
      validateSettings({
        cloudRules: [
          { feature: 'chat', site: 'https://www.Example.com/page' },
          { feature: 'chat', site: 'example.com' },
          { feature: 'summary', site: null },
        ],
      }).cloudRules,
    ).toEqual([
      { feature: 'chat', site: 'example.com' },
      { feature: 'summary', site: null },
    ]);
    expect(() => validateSettings({ cloudRules: [{ feature: 'everything', site: null }] as never })).toThrow(
      /cloud rule/,
    );
    expect(() => validateSettings({ cloudRules: 'chat' as never })).toThrow(/cloud rule/);
  });

  test('a bad value saves nothing and keeps the last good one', async () => {
    const db = freshDatabase();
    await saveSettings(db, { cloudBaseUrl: 'https://api.example.com/v1', cloudModel: 'm' });
    await expect(saveSettings(db, { cloudBaseUrl: 'http://api.example.com/v1', cloudModel: 'n' })).rejects.toThrow();
    expect(await loadSettings(db)).toMatchObject({ cloudBaseUrl: 'https://api.example.com/v1/', cloudModel: 'm' });
  });
});

describe('cloudDisplayName', () => {
  test('the given name, else the host', () => {
    expect(cloudDisplayName({ cloudName: 'My vLLM', cloudBaseUrl: 'http://10.0.0.5:8000/v1/' })).toBe('My vLLM');
    expect(cloudDisplayName({ cloudName: '', cloudBaseUrl: 'http://10.0.0.5:8000/v1/' })).toBe('10.0.0.5:8000');
  });
});
