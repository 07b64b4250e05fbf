import { useEffect, useState } from 'preact/hooks';
import type { HostCheck } from '@/lib/engine';
import { i18n } from '@/lib/i18n';
import type { BuiltInService, CloudAccess, ModelLibrary } from '@/lib/panel';
import {
  HUGGING_FACE_HUB,
  describeHostCheck,
  normaliseModelHost,
  numberField,
  type DevicePreference,
  type DtypePreference,
  type Settings,
  type SettingsChange,
  type ThemePreference,
} from '@/lib/settings';
import { MODEL_DTYPES, catalog, findModel } from '@/models';
import { useValue } from '../use-panel';
import { CloudSettings } from './CloudSettings';
import { RouteSettings } from './RouteSettings';

interface Props {
  library: ModelLibrary;
  /** The cloud provider's key and rules (issue 14). */
  cloud: CloudAccess;
  /** Chrome's built-in AI in this page (issue 14). */
  builtIn: BuiltInService;
  /** Asks the engine whether a host serves a model; null while the engine is not connected. */
  checkHost: ((host: string, modelId: string) => Promise<HostCheck>) | null;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Every setting in one place, for the panel's Settings view and the options page alike.
 * Choices save at once; the two text fields save with Save (or Enter). Emptying a field and
 * saving puts it back to its default. Every change is validated in lib/settings first.
 */
export function SettingsView(props: Props) {
  const { settings } = useValue(props.library.state);
  // The form starts from the stored settings, so typing can never be overwritten by their arrival.
  return settings ? <SettingsForm {...props} settings={settings} /> : <p role="status">{i18n.t('options.loading')}</p>;
}

const inCatalog = (id: string) => findModel(id) !== undefined;
const ownModelOf = (modelId: string) => (inCatalog(modelId) ? '' : modelId);

function SettingsForm({ library, cloud, builtIn, checkHost, settings }: Props & { settings: Settings }) {
  const { capabilities } = useValue(library.state);
  const [host, setHost] = useState(settings.modelHost);
  const [ownModel, setOwnModel] = useState(ownModelOf(settings.modelId));
  const [minutes, setMinutes] = useState(String(settings.idleUnloadMinutes));
  const [status, setStatus] = useState<Status>(null);
  const [saves, setSaves] = useState(0);
  const [hostStatus, setHostStatus] = useState<Status>(null);

  // The fields follow what is saved, also when another page saved it.
  useEffect(() => setHost(settings.modelHost), [settings.modelHost]);
  useEffect(() => setOwnModel(ownModelOf(settings.modelId)), [settings.modelId]);
  useEffect(() => setMinutes(String(settings.idleUnloadMinutes)), [settings.idleUnloadMinutes]);

  const save = async (change: SettingsChange) => {
    try {
      await library.changeSettings(change);
      setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
      setSaves((n) => n + 1);
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const testHost = async () => {
    if (!checkHost) return;
    setHostStatus({ kind: 'ok', text: i18n.t('settings.testing') });
    try {
      const normalised = normaliseModelHost(host);
      const result = await checkHost(normalised, settings.modelId);
      setHostStatus({
        kind: result.ok ? 'ok' : 'error',
        text: describeHostCheck(result, normalised, settings.modelId),
      });
    } catch (error) {
      setHostStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form
      class="settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ modelHost: host, modelId: ownModel.trim() || (inCatalog(settings.modelId) ? undefined : null) });
      }}
    >
      <fieldset>
        <legend>{i18n.t('settings.modelLegend')}</legend>
        <label for="model">{i18n.t('settings.model')}</label>
        <select id="model" value={settings.modelId} onChange={(e) => void save({ modelId: e.currentTarget.value })}>
          {catalog.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
          {!inCatalog(settings.modelId) && <option value={settings.modelId}>{settings.modelId}</option>}
        </select>

        <label for="custom-model">{i18n.t('options.customModel')}</label>
        <input
          id="custom-model"
          value={ownModel}
          placeholder="owner/name"
          aria-describedby="custom-model-hint"
          onInput={(e) => setOwnModel(e.currentTarget.value)}
        />
        <p id="custom-model-hint" class="hint">
          {i18n.t('options.customModelHint')}
        </p>

        <label for="model-host">{i18n.t('options.modelHost')}</label>
        <input
          id="model-host"
          type="url"
          value={host}
          aria-describedby="model-host-hint"
          onInput={(e) => setHost(e.currentTarget.value)}
        />
        <p id="model-host-hint" class="hint">
          {i18n.t('options.modelHostHint', [HUGGING_FACE_HUB, '{host}{owner}/{model}/resolve/main/{file}'])}
        </p>
        <div class="toolbar">
          <button type="submit" class="primary">
            {i18n.t('options.save')}
          </button>
          <button
            type="button"
            disabled={settings.modelHost === HUGGING_FACE_HUB && host === HUGGING_FACE_HUB}
            onClick={() => {
              setHostStatus(null);
              void save({ modelHost: null });
            }}
          >
            {i18n.t('settings.resetHost')}
          </button>
          <button type="button" disabled={!checkHost} onClick={() => void testHost()}>
            {i18n.t('settings.testHost')}
          </button>
        </div>
        <p class={`hint ${hostStatus?.kind ?? ''}`} role="status" data-testid="host-status">
          {hostStatus?.text}
        </p>
      </fieldset>

      <fieldset>
        <legend>{i18n.t('settings.legend')}</legend>
        <label for="device">{i18n.t('settings.device')}</label>
        <select
          id="device"
          value={settings.device}
          onChange={(e) => void save({ device: e.currentTarget.value as DevicePreference })}
        >
          <option value="auto">{i18n.t('settings.deviceAuto')}</option>
          <option value="webgpu" disabled={!capabilities?.webgpu}>
            {capabilities?.webgpu === false ? i18n.t('settings.webgpuMissing') : 'WebGPU'}
          </option>
          <option value="wasm">{i18n.t('settings.deviceWasm')}</option>
        </select>
        <label for="idle-unload">{i18n.t('settings.idleUnload')}</label>
        <input
          id="idle-unload"
          type="number"
          min="0"
          max="1440"
          step="any"
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
          onChange={() => void save({ idleUnloadMinutes: numberField(minutes) })}
        />
        <details>
          <summary>{i18n.t('settings.advanced')}</summary>
          <label for="dtype">{i18n.t('settings.dtype')}</label>
          <select
            id="dtype"
            value={settings.dtype}
            onChange={(e) => void save({ dtype: e.currentTarget.value as DtypePreference })}
          >
            <option value="auto">{i18n.t('settings.dtypeAuto')}</option>
            {MODEL_DTYPES.map((dtype) => (
              <option key={dtype} value={dtype}>
                {dtype}
              </option>
            ))}
          </select>
        </details>
      </fieldset>

      <fieldset>
        <legend>{i18n.t('settings.appearance')}</legend>
        <label for="theme">{i18n.t('settings.theme')}</label>
        <select
          id="theme"
          value={settings.theme}
          onChange={(e) => void save({ theme: e.currentTarget.value as ThemePreference })}
        >
          <option value="system">{i18n.t('settings.themeSystem')}</option>
          <option value="light">{i18n.t('settings.themeLight')}</option>
          <option value="dark">{i18n.t('settings.themeDark')}</option>
        </select>
      </fieldset>

      <RouteSettings settings={settings} builtIn={builtIn} save={save} />
      <CloudSettings settings={settings} cloud={cloud} save={save} />

      <p
        id="save-status"
        class={`status ${status?.kind ?? ''}`}
        role="status"
        data-testid="settings-status"
        data-saves={saves}
      >
        {status?.text}
      </p>
    </form>
  );
}
