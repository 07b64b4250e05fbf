import { useEffect, useState } from 'preact/hooks';
import type { DeviceCapabilities } from '@/lib/device';
import { i18n } from '@/lib/i18n';
import type { DevicePreference, DtypePreference, Settings } from '@/lib/settings';
import { MODEL_DTYPES } from '@/models';

interface Props {
  settings: Settings;
  capabilities: DeviceCapabilities;
  onChange(change: Partial<Settings>): Promise<void>;
}

/** Device, dtype and idle unload. Each change is validated and saved at once; a bad value is explained, not saved. */
export function EngineSettings({ settings, capabilities, onChange }: Props) {
  const [minutes, setMinutes] = useState(String(settings.idleUnloadMinutes));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setMinutes(String(settings.idleUnloadMinutes)), [settings.idleUnloadMinutes]);

  const save = async (change: Partial<Settings>) => {
    try {
      await onChange(change);
      setMessage({ kind: 'ok', text: i18n.t('settings.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <fieldset class="engine-settings">
      <legend>{i18n.t('settings.legend')}</legend>
      <label for="device">{i18n.t('settings.device')}</label>
      <select
        id="device"
        value={settings.device}
        onChange={(e) => void save({ device: e.currentTarget.value as DevicePreference })}
      >
        <option value="auto">{i18n.t('settings.deviceAuto')}</option>
        <option value="webgpu" disabled={!capabilities.webgpu}>
          {capabilities.webgpu ? 'WebGPU' : i18n.t('settings.webgpuMissing')}
        </option>
        <option value="wasm">{i18n.t('settings.deviceWasm')}</option>
      </select>
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
      <label for="idle-unload">{i18n.t('settings.idleUnload')}</label>
      <input
        id="idle-unload"
        type="number"
        min="0"
        max="1440"
        step="any"
        value={minutes}
        onInput={(e) => setMinutes(e.currentTarget.value)}
        onChange={() => void save({ idleUnloadMinutes: minutes.trim() === '' ? Number.NaN : Number(minutes) })}
      />
      <p class={`status ${message?.kind ?? ''}`} role="status" data-testid="settings-status">
        {message?.text}
      </p>
    </fieldset>
  );
}
