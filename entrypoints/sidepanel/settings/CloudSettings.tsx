import { useEffect, useState } from 'preact/hooks';
import { CLOUD_PRESETS } from '@/lib/cloud';
import { formatWhen } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { CloudAccess } from '@/lib/panel';
import { cloudReady, numberField, type CloudRule, type Settings, type SettingsChange } from '@/lib/settings';
import { useValue } from '../use-panel';

interface Props {
  settings: Settings;
  cloud: CloudAccess;
  save(change: SettingsChange): Promise<void>;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** "Chat on example.com", "Summaries everywhere". */
export function ruleLabel(rule: CloudRule): string {
  const feature = i18n.t(`cloud.feature.${rule.feature}`);
  return rule.site ? i18n.t('cloud.ruleOnSite', [feature, rule.site]) : i18n.t('cloud.ruleEverywhere', [feature]);
}

/**
 * The optional cloud provider (issue 14): a preset or any OpenAI-compatible base URL and
 * model, the key (saved apart, never shown again), redaction, and the rules that let a
 * feature send without asking.
 */
export function CloudSettings({ settings, cloud, save }: Props) {
  const { key } = useValue(cloud.state);
  const [name, setName] = useState(settings.cloudName);
  const [baseUrl, setBaseUrl] = useState(settings.cloudBaseUrl);
  const [model, setModel] = useState(settings.cloudModel);
  const [contextWindow, setContextWindow] = useState(String(settings.cloudContextTokens));
  const [apiKey, setApiKey] = useState('');
  const [keyStatus, setKeyStatus] = useState<Status>(null);
  useEffect(() => setName(settings.cloudName), [settings.cloudName]);
  useEffect(() => setBaseUrl(settings.cloudBaseUrl), [settings.cloudBaseUrl]);
  useEffect(() => setModel(settings.cloudModel), [settings.cloudModel]);
  useEffect(() => setContextWindow(String(settings.cloudContextTokens)), [settings.cloudContextTokens]);

  const keyOrigin = key?.origin;
  const providerOrigin = URL.canParse(settings.cloudBaseUrl) ? new URL(settings.cloudBaseUrl).origin : null;
  const saveKey = async () => {
    try {
      await cloud.saveKey(apiKey);
      setApiKey('');
      setKeyStatus({ kind: 'ok', text: i18n.t('cloud.keySaved') });
    } catch (error) {
      setKeyStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <fieldset class="cloud-settings" data-testid="cloud-settings">
      <legend>{i18n.t('cloud.legend')}</legend>
      <p class="hint">{i18n.t('cloud.intro')}</p>
      <label for="cloud-preset">{i18n.t('cloud.preset')}</label>
      <select
        id="cloud-preset"
        value=""
        onChange={(e) => {
          const preset = CLOUD_PRESETS.find((p) => p.id === e.currentTarget.value);
          if (!preset) return;
          setName(preset.name);
          setBaseUrl(preset.baseUrl);
          setModel(preset.model);
        }}
      >
        <option value="">{i18n.t('cloud.presetPick')}</option>
        {CLOUD_PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.name} — {preset.baseUrl}
          </option>
        ))}
      </select>
      <label for="cloud-name">{i18n.t('cloud.name')}</label>
      <input id="cloud-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="cloud-base-url">{i18n.t('cloud.baseUrl')}</label>
      <input
        id="cloud-base-url"
        type="url"
        value={baseUrl}
        placeholder="https://api.example.com/v1/"
        aria-describedby="cloud-base-url-hint"
        onInput={(e) => setBaseUrl(e.currentTarget.value)}
      />
      <p id="cloud-base-url-hint" class="hint">
        {i18n.t('cloud.baseUrlHint')}
      </p>
      <label for="cloud-model">{i18n.t('cloud.model')}</label>
      <input id="cloud-model" value={model} onInput={(e) => setModel(e.currentTarget.value)} />
      <label for="cloud-window">{i18n.t('cloud.contextWindow')}</label>
      <input
        id="cloud-window"
        type="number"
        min="2048"
        step="1"
        value={contextWindow}
        onInput={(e) => setContextWindow(e.currentTarget.value)}
      />
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          data-testid="cloud-save"
          onClick={() =>
            void save({
              cloudName: name,
              cloudBaseUrl: baseUrl,
              cloudModel: model,
              cloudContextTokens: numberField(contextWindow),
            })
          }
        >
          {i18n.t('cloud.saveProvider')}
        </button>
        <button
          type="button"
          disabled={!settings.cloudBaseUrl}
          onClick={() => void save({ cloudName: null, cloudBaseUrl: null, cloudModel: null, cloudRules: null })}
        >
          {i18n.t('cloud.removeProvider')}
        </button>
      </div>

      <label for="cloud-key">{i18n.t('cloud.key')}</label>
      <div class="toolbar">
        <input
          id="cloud-key"
          type="password"
          autocomplete="off"
          value={apiKey}
          disabled={!cloudReady(settings)}
          aria-describedby="cloud-key-hint"
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
        <button type="button" disabled={!apiKey || !cloudReady(settings)} onClick={() => void saveKey()}>
          {i18n.t('cloud.saveKey')}
        </button>
        <button
          type="button"
          disabled={!key}
          onClick={() =>
            void cloud.forgetKey().then(() => setKeyStatus({ kind: 'ok', text: i18n.t('cloud.keyForgotten') }))
          }
        >
          {i18n.t('cloud.forgetKey')}
        </button>
      </div>
      <p id="cloud-key-hint" class="hint" data-testid="cloud-key-state">
        {!key
          ? i18n.t('cloud.noKey')
          : keyOrigin === providerOrigin
            ? i18n.t('cloud.keyFor', [key.origin, formatWhen(key.savedAt)])
            : i18n.t('cloud.keyElsewhere', [key.origin])}
      </p>
      <p class={`hint ${keyStatus?.kind ?? ''}`} role="status">
        {keyStatus?.text}
      </p>

      <label class="switch">
        <input
          type="checkbox"
          checked={settings.cloudRedact}
          onChange={(e) => void save({ cloudRedact: e.currentTarget.checked })}
        />
        {i18n.t('cloud.redact')}
      </label>

      <h3>{i18n.t('cloud.rules')}</h3>
      {settings.cloudRules.length === 0 ? (
        <p class="hint" data-testid="cloud-rules-empty">
          {i18n.t('cloud.noRules')}
        </p>
      ) : (
        <ul class="cloud-rules" data-testid="cloud-rules">
          {settings.cloudRules.map((rule) => (
            <li key={`${rule.feature} ${rule.site ?? '*'}`}>
              <span>{ruleLabel(rule)}</span>{' '}
              <button type="button" onClick={() => void cloud.removeRule(rule)}>
                {i18n.t('cloud.removeRule')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
