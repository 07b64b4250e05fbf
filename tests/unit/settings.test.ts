import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  HUGGING_FACE_HUB,
  SettingsError,
  loadSettings,
  normaliseModelHost,
  saveSettings,
  watchChanges,
} from '@/lib/settings';
import { freshDatabase } from './helpers/database';

describe('settings', () => {
  test('defaults: the real hub and the default model', async () => {
    expect(await loadSettings(freshDatabase())).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.modelHost).toBe(HUGGING_FACE_HUB);
  });

  test('null or an emptied text field puts a setting back to its default', async () => {
    const db = freshDatabase();
    await saveSettings(db, {
      modelHost: 'http://127.0.0.1:8080',
      modelId: 'me/mine',
      idleUnloadMinutes: 3,
      theme: 'dark',
    });
    const reset = await saveSettings(db, { modelHost: '  ', modelId: '', idleUnloadMinutes: null, theme: null });
    expect(reset).toEqual(DEFAULT_SETTINGS);
    expect(await loadSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  test('an unknown theme is refused and nothing is saved', async () => {
    const db = freshDatabase();
    // @ts-expect-error a theme that does not exist
    await expect(saveSettings(db, { theme: 'sepia' })).rejects.toThrow(/Unknown theme "sepia"/);
    expect((await loadSettings(db)).theme).toBe('system');
  });

  test('every save is heard by watchers in other contexts', async () => {
    const heard: number[] = [];
    const stop = watchChanges('settings', () => heard.push(1));
    await saveSettings(freshDatabase(), { device: 'wasm' });
    await expect.poll(() => heard.length).toBe(1);
    stop();
    await saveSettings(freshDatabase(), { device: 'auto' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.length).toBe(1);
  });

  test('saves and merges changes', async () => {
    const db = freshDatabase();
    await saveSettings(db, { modelHost: 'http://127.0.0.1:8080' });
    const next = await saveSettings(db, { device: 'wasm' });
    expect(next).toMatchObject({ modelHost: 'http://127.0.0.1:8080/', device: 'wasm' });
    expect(await loadSettings(db)).toEqual(next);
  });

  test.each([
    ['https://hf.example/mirror', 'https://hf.example/mirror/'],
    ['  https://huggingface.co  ', 'https://huggingface.co/'],
    ['http://127.0.0.1:9/x/?q=1#h', 'http://127.0.0.1:9/x/'],
  ])('model host %s → %s', (input, expected) => {
    expect(normaliseModelHost(input)).toBe(expected);
  });

  test.each([
    [{ modelHost: 'not a url' }, /is not a URL/],
    [{ modelHost: 'ftp://x/' }, /must be an https:\/\/ URL/],
    [{ modelHost: 'http://models.example.internal/' }, /http:\/\/ only for localhost/],
    [{ modelId: '../evil' }, /not a model id/],
    [{ modelId: 'owner/..' }, /not a model id/],
    [{ modelHost: 'javascript:alert(1)' }, /must be an https:\/\/ URL/],
    [{ modelId: 'no-slash' }, /not a model id/],
    [{ device: 'cuda' as never }, /Unknown device/],
    [{ idleUnloadMinutes: -1 }, /Idle unload/],
    [{ idleUnloadMinutes: Number.NaN }, /Idle unload/],
  ])('refuses %o and keeps what was saved', async (change, message) => {
    const db = freshDatabase();
    await saveSettings(db, { modelHost: 'https://good.example/' });
    await expect(saveSettings(db, change)).rejects.toThrow(SettingsError);
    await expect(saveSettings(db, change)).rejects.toThrow(message);
    expect((await loadSettings(db)).modelHost).toBe('https://good.example/');
  });
});
