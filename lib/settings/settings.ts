/**
 * User settings, stored in IndexedDB (not `chrome.storage`) because the offscreen
 * document, which needs them most, has only the `chrome.runtime` API.
 */
import { DEFAULT_MODEL_ID, MODEL_DTYPES, isModelId, type ModelDtype } from '@/models';
import type { EdgewiseDatabase } from '@/lib/store';
import { i18n } from '@/lib/i18n';
import { announceChange } from './changes';
import { SettingsError } from './errors';
import { AUTOFILL_RULES, DEFAULT_AUTOFILL_SETTINGS, type AutofillSettings } from './autofill-settings';
import { DEFAULT_MEMORY_SETTINGS, MEMORY_RULES, type MemorySettings } from './memory-settings';
import { CLOUD_RULES, DEFAULT_CLOUD_SETTINGS, type CloudSettings } from './cloud-settings';

export { SettingsError };

/** Which device the engine should use; `auto` prefers WebGPU and falls back to WASM. */
export type DevicePreference = 'auto' | 'webgpu' | 'wasm';

/** Which weights variant to load; `auto` picks by device (q4f16 with shader-f16, else q4 on WebGPU, q8 on WASM). */
export type DtypePreference = 'auto' | ModelDtype;

/** The pages' colours: the system's choice, or always light or dark. */
export type ThemePreference = 'system' | 'light' | 'dark';
const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];
const DEVICES: readonly DevicePreference[] = ['auto', 'webgpu', 'wasm'];
const DTYPE_PREFERENCES: readonly DtypePreference[] = ['auto', ...MODEL_DTYPES];

export interface Settings extends MemorySettings, AutofillSettings, CloudSettings {
  /**
   * Base URL of a server with the Hugging Face hub's layout (`{host}{repo}/resolve/{revision}/{file}`).
   * The hub by default; offline and enterprise users point it at a mirror.
   */
  modelHost: string;
  /** The model loaded when a feature needs one and none is loaded. */
  modelId: string;
  device: DevicePreference;
  /** A dtype the model does not ship falls back to `auto` (the model manager says so). */
  dtype: DtypePreference;
  /** Unload the model after this many idle minutes, so it does not hold memory forever. 0 = never. */
  idleUnloadMinutes: number;
  theme: ThemePreference;
}

/** A change to save: a value, or `null` to put that setting back to its default (a cleared field). */
export type SettingsChange = { [K in keyof Settings]?: Settings[K] | null };

/** The hub transformers.js uses by default. */
export const HUGGING_FACE_HUB = 'https://huggingface.co/';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  modelHost: HUGGING_FACE_HUB,
  modelId: DEFAULT_MODEL_ID,
  device: 'auto',
  dtype: 'auto',
  idleUnloadMinutes: 10,
  theme: 'system',
  ...DEFAULT_MEMORY_SETTINGS,
  ...DEFAULT_AUTOFILL_SETTINGS,
  ...DEFAULT_CLOUD_SETTINGS,
};

const SETTINGS_KEY = 'settings';

/** A check per setting: the clean value, or a {@link SettingsError} with a message for the form. */
const RULES: { [K in keyof Settings]: (value: Settings[K]) => Settings[K] } = {
  modelHost: (value) => normaliseModelHost(value),
  modelId: (value) => {
    if (!isModelId(value)) throw new SettingsError(i18n.t('settingsErrors.modelId', [value]));
    return value;
  },
  device: (value) => oneOf(value, DEVICES, i18n.t('settingsErrors.device', [String(value)])),
  dtype: (value) => oneOf(value, DTYPE_PREFERENCES, i18n.t('settingsErrors.dtype', [String(value)])),
  idleUnloadMinutes: (minutes) => {
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) {
      throw new SettingsError(i18n.t('settingsErrors.idleUnload'));
    }
    return minutes;
  },
  theme: (value) => oneOf(value, THEMES, i18n.t('settingsErrors.theme', [String(value)])),
  ...MEMORY_RULES,
  ...AUTOFILL_RULES,
  ...CLOUD_RULES,
};

function oneOf<T>(value: T, allowed: readonly T[], message: string): T {
  if (!allowed.includes(value)) throw new SettingsError(message);
  return value;
}

/**
 * Checks and normalises a settings change. Bad input throws a {@link SettingsError}
 * and nothing is saved, so a typo never loses the previous working value. `null`, or an
 * emptied text field, means the default. Keys that are not settings are refused.
 */
export function validateSettings(input: SettingsChange): Partial<Settings> {
  const clean: Partial<Settings> = {};
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(RULES, key)) throw new SettingsError(i18n.t('settingsErrors.unknown', [key]));
    check(key as keyof Settings, input, clean);
  }
  return clean;
}

/** Validates one key of `input` into `clean`; `null` and blank text become the default first. */
function check<K extends keyof Settings>(key: K, input: SettingsChange, clean: Partial<Settings>): void {
  const value = input[key];
  if (value === undefined) return;
  const given = value === null || (typeof value === 'string' && value.trim() === '') ? DEFAULT_SETTINGS[key] : value;
  clean[key] = RULES[key](given as Settings[K]);
}

/**
 * Whether `url` may be a model host: `https:`, or plain `http:` on this machine only, as
 * anyone on the path could swap the weights of a plain download elsewhere.
 */
export function isAllowedModelHost(url: URL): boolean {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && local);
}

/** An http(s) URL ending in `/`, as transformers.js joins paths onto it. */
export function normaliseModelHost(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SettingsError(i18n.t('settingsErrors.notUrl', [input, HUGGING_FACE_HUB]));
  }
  if (!isAllowedModelHost(url)) throw new SettingsError(i18n.t('settingsErrors.hostScheme'));
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Current settings, with defaults for anything never set. */
export async function loadSettings(db: EdgewiseDatabase): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  const stored = row && typeof row.value === 'object' && row.value !== null ? row.value : {};
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

/** Validates, merges and saves a change, then tells every context; returns the new settings. */
export async function saveSettings(db: EdgewiseDatabase, change: SettingsChange): Promise<Settings> {
  const clean = validateSettings(change);
  const saved = await db.transaction('rw', db.settings, async () => {
    const next = { ...(await loadSettings(db)), ...clean };
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
  announceChange('settings');
  return saved;
}

/** Puts every setting back to its default (the stored record goes) and tells every context. */
export async function resetSettings(db: EdgewiseDatabase): Promise<void> {
  await db.settings.clear();
  announceChange('settings');
}

/** A number typed in a field: blank means the setting's default (`null`), anything else is checked as typed. */
export function numberField(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
