/**
 * The cloud provider the user chose, if any (issue 14), and the rules that let a feature
 * use it without asking each time. Part of the one settings record. The API key is not
 * here: it is kept apart (lib/cloud `saveApiKey`), so no settings export or form ever holds it.
 */
import { i18n } from '@/lib/i18n';
import { flag, whole } from './checks';
import { SettingsError } from './errors';
import { normaliseSite } from './sites';

/** The features that ask for answers. */
export type Feature = 'chat' | 'summary' | 'draft';
export const FEATURES: readonly Feature[] = ['chat', 'summary', 'draft'];

/** "Always for this feature (on this site)": set from the consent sheet, listed and removable in Settings. */
export interface CloudRule {
  feature: Feature;
  /** A hostname (covering its subdomains), or null for every site. */
  site: string | null;
}

/**
 * Where chat answers run when nobody asks for the cloud: `device`, this device's model only
 * (the default); `auto`, Chrome's built-in AI when it is downloaded, else this device's model.
 */
export type RouteMode = 'device' | 'auto';
const ROUTE_MODES: readonly RouteMode[] = ['device', 'auto'];

export interface CloudSettings {
  chatRoute: RouteMode;
  /** What the user calls the provider ("OpenRouter", "My vLLM"); the host when blank. */
  cloudName: string;
  /** An OpenAI-compatible API's base URL, ending in `/` (`chat/completions` is joined on); '' = no provider. */
  cloudBaseUrl: string;
  cloudModel: string;
  /** The provider model's context window, for fitting the page into a cloud prompt. */
  cloudContextTokens: number;
  /** Replace personal data with placeholders before anything is sent. On unless the user turns it off. */
  cloudRedact: boolean;
  cloudRules: CloudRule[];
}

export const DEFAULT_CLOUD_SETTINGS: Readonly<CloudSettings> = {
  chatRoute: 'device',
  cloudName: '',
  cloudBaseUrl: '',
  cloudModel: '',
  cloudContextTokens: 32_768,
  cloudRedact: true,
  cloudRules: [],
};

/** Hosts a plain-http provider may be on: this machine or the local network (a server the user runs). */
const LOCAL_HOST =
  /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|[a-z\d-]+(?:\.[a-z\d-]+)*\.(?:local|lan|internal|home\.arpa))$/i;

/**
 * An API base URL: `https:`, or `http:` on this machine or the local network only (the key
 * and the text would cross the internet in the clear otherwise). Ends with `/`.
 */
export function normaliseCloudBaseUrl(input: string): string {
  if (input.trim() === '') return '';
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SettingsError(i18n.t('settingsErrors.cloudUrl', [input]));
  }
  const plainLocal = url.protocol === 'http:' && LOCAL_HOST.test(url.hostname);
  if (url.protocol !== 'https:' && !plainLocal) throw new SettingsError(i18n.t('settingsErrors.cloudScheme'));
  if (url.username || url.password) throw new SettingsError(i18n.t('settingsErrors.cloudCredentials'));
  url.search = '';
  url.hash = '';
  // People paste the whole endpoint; the base is what comes before it.
  const href = url.href.replace(/chat\/completions\/?$/, '');
  return href.endsWith('/') ? href : `${href}/`;
}

/** One line of plain text, at most `max` characters. */
function shortText(value: unknown, max: number): string {
  if (typeof value !== 'string') throw new SettingsError(i18n.t('settingsErrors.cloudText', [max]));
  const text = value.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (text.length > max || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new SettingsError(i18n.t('settingsErrors.cloudText', [max]));
  }
  return text;
}

function ruleList(value: unknown): CloudRule[] {
  if (!Array.isArray(value)) throw new SettingsError(i18n.t('settingsErrors.cloudRules'));
  const seen = new Set<string>();
  const rules: CloudRule[] = [];
  for (const rule of value as unknown[]) {
    const { feature, site } = (typeof rule === 'object' && rule !== null ? rule : {}) as Partial<CloudRule>;
    if (!FEATURES.includes(feature as Feature)) throw new SettingsError(i18n.t('settingsErrors.cloudRules'));
    const clean: CloudRule = { feature: feature as Feature, site: site == null ? null : normaliseSite(String(site)) };
    const key = `${clean.feature} ${clean.site ?? '*'}`;
    if (!seen.has(key)) rules.push(clean);
    seen.add(key);
  }
  return rules;
}

/** A check per cloud setting. */
export const CLOUD_RULES: { [K in keyof CloudSettings]: (value: CloudSettings[K]) => CloudSettings[K] } = {
  chatRoute: (value) => {
    if (!ROUTE_MODES.includes(value)) throw new SettingsError(i18n.t('settingsErrors.chatRoute', [String(value)]));
    return value;
  },
  cloudName: (value) => shortText(value, 60),
  cloudBaseUrl: (value) => normaliseCloudBaseUrl(String(value)),
  cloudModel: (value) => shortText(value, 200),
  cloudContextTokens: (value) => whole(value, 2048, 2_000_000, i18n.t('settingsErrors.cloudContext')),
  cloudRedact: (value) => flag(value),
  cloudRules: (value) => ruleList(value),
};

/** Whether a provider is set up enough to send to: a base URL and a model. */
export function cloudReady(settings: Pick<CloudSettings, 'cloudBaseUrl' | 'cloudModel'>): boolean {
  return settings.cloudBaseUrl !== '' && settings.cloudModel !== '';
}

/** The provider's name as shown: the one the user gave, else the API's host. */
export function cloudDisplayName(settings: Pick<CloudSettings, 'cloudName' | 'cloudBaseUrl'>): string {
  if (settings.cloudName) return settings.cloudName;
  return URL.canParse(settings.cloudBaseUrl) ? new URL(settings.cloudBaseUrl).host : '';
}
