import { i18n } from '@/lib/i18n';
import type { BuiltInService } from '@/lib/panel';
import type { RouteMode, Settings, SettingsChange } from '@/lib/settings';
import { useValue } from '../use-panel';

interface Props {
  settings: Settings;
  builtIn: BuiltInService;
  save(change: SettingsChange): Promise<void>;
}

/**
 * Where chat answers run on this device (issue 14): this device's model, or "Auto",
 * Chrome's built-in AI first; with its state and its first download, which only this
 * button starts.
 */
export function RouteSettings({ settings, builtIn, save }: Props) {
  const { availability, progress, error } = useValue(builtIn.state);
  return (
    <fieldset data-testid="route-settings">
      <legend>{i18n.t('builtIn.legend')}</legend>
      <label for="chat-route">{i18n.t('builtIn.route')}</label>
      <select
        id="chat-route"
        value={settings.chatRoute}
        aria-describedby="chat-route-hint"
        onChange={(e) => void save({ chatRoute: e.currentTarget.value as RouteMode })}
      >
        <option value="device">{i18n.t('builtIn.routeDevice')}</option>
        <option value="auto">{i18n.t('builtIn.routeAuto')}</option>
      </select>
      <p id="chat-route-hint" class="hint">
        {i18n.t('builtIn.routeHint')}
      </p>
      <p class="hint" role="status" data-testid="built-in-state" data-availability={availability ?? ''}>
        {availability === null
          ? i18n.t('builtIn.checking')
          : availability === 'downloading'
            ? i18n.t('builtIn.downloading', [String(Math.round((progress ?? 0) * 100))])
            : i18n.t(`builtIn.${availability}`)}
      </p>
      {progress !== null && <progress max={1} value={progress} aria-label={i18n.t('builtIn.download')} />}
      {availability === 'downloadable' && (
        <button type="button" onClick={() => void builtIn.download()}>
          {i18n.t('builtIn.download')}
        </button>
      )}
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}
