import { useState } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ModelLibrary } from '@/lib/panel';
import type { Settings, SettingsChange } from '@/lib/settings';

/** Form suggestions' switches and the sites they are off on (issue 13). Each change saves at once. */
export function AutofillSettings({ library, settings }: { library: ModelLibrary; settings: Settings }) {
  const [error, setError] = useState('');
  const save = async (change: SettingsChange) => {
    try {
      await library.changeSettings(change);
      setError('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section aria-labelledby="autofill-settings-heading" class="settings autofill-settings">
      <h3 id="autofill-settings-heading">{i18n.t('autofill.settingsHeading')}</h3>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.autofillEnabled}
          onChange={(e) => void save({ autofillEnabled: e.currentTarget.checked })}
        />
        {i18n.t('autofill.settingsEnabled')}
      </label>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.autofillSaveOffer}
          onChange={(e) => void save({ autofillSaveOffer: e.currentTarget.checked })}
        />
        {i18n.t('autofill.settingsSaveOffer')}
      </label>
      {settings.autofillOffSites.length === 0 ? (
        <p class="muted">{i18n.t('autofill.settingsNoOffSites')}</p>
      ) : (
        <>
          <p>{i18n.t('autofill.settingsOffSites')}</p>
          <ul class="site-list" data-testid="autofill-off-sites">
            {settings.autofillOffSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() => void save({ autofillOffSites: settings.autofillOffSites.filter((s) => s !== site) })}
                >
                  {i18n.t('autofill.settingsTurnOn', [site])}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
