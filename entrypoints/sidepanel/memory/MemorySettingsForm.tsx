import { useEffect, useState } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ModelLibrary } from '@/lib/panel';
import { numberField, siteListFromText, type ReadSites, type Settings, type SettingsChange } from '@/lib/settings';

type Status = { kind: 'ok' | 'error'; text: string } | null;

/**
 * What page memory may keep. Switches save at once; the numbers and site lists save with
 * Save, and a refused value keeps what was typed next to the reason (issue 12).
 */
export function MemorySettingsForm({ library, settings }: { library: ModelLibrary; settings: Settings }) {
  const [dwell, setDwell] = useState(String(settings.readAfterSeconds));
  const [allowed, setAllowed] = useState(settings.allowedSites.join('\n'));
  const [denied, setDenied] = useState(settings.deniedSites.join('\n'));
  const [cap, setCap] = useState(String(settings.memoryCapMB));
  const [days, setDays] = useState(String(settings.memoryRetentionDays));
  const [status, setStatus] = useState<Status>(null);

  // The fields follow what is saved, also when another page (or "Don't remember this site") saved it.
  // The lists are compared as text: every read of the settings makes new arrays, and an
  // unrelated save must not wipe what is being typed.
  const allowedText = settings.allowedSites.join('\n');
  const deniedText = settings.deniedSites.join('\n');
  useEffect(() => setDwell(String(settings.readAfterSeconds)), [settings.readAfterSeconds]);
  useEffect(() => setAllowed(allowedText), [allowedText]);
  useEffect(() => setDenied(deniedText), [deniedText]);
  useEffect(() => setCap(String(settings.memoryCapMB)), [settings.memoryCapMB]);
  useEffect(() => setDays(String(settings.memoryRetentionDays)), [settings.memoryRetentionDays]);

  const save = async (change: SettingsChange) => {
    try {
      await library.changeSettings(change);
      setStatus({ kind: 'ok', text: i18n.t('settings.saved') });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form
      class="settings memory-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void save({
          readAfterSeconds: numberField(dwell),
          allowedSites: siteListFromText(allowed),
          deniedSites: siteListFromText(denied),
          memoryCapMB: numberField(cap),
          memoryRetentionDays: numberField(days),
        });
      }}
    >
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.rememberUsed}
          onChange={(e) => void save({ rememberUsed: e.currentTarget.checked })}
        />
        {i18n.t('memory.rememberUsed')}
      </label>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.rememberRead}
          onChange={(e) => void save({ rememberRead: e.currentTarget.checked })}
        />
        {i18n.t('memory.rememberRead')}
      </label>
      <label for="memory-dwell">{i18n.t('memory.dwell')}</label>
      <input
        id="memory-dwell"
        type="number"
        min="5"
        max="25"
        value={dwell}
        onInput={(e) => setDwell(e.currentTarget.value)}
      />

      <fieldset>
        <legend>{i18n.t('memory.readSites')}</legend>
        {(['all', 'allowed'] as const satisfies readonly ReadSites[]).map((mode) => (
          <label key={mode} class="switch">
            <input
              type="radio"
              name="read-sites"
              value={mode}
              checked={settings.readSites === mode}
              onChange={() => void save({ readSites: mode })}
            />
            {i18n.t(mode === 'all' ? 'memory.readSitesAll' : 'memory.readSitesAllowed')}
          </label>
        ))}
      </fieldset>
      <label for="memory-allowed">{i18n.t('memory.allowedSites')}</label>
      <textarea id="memory-allowed" rows={3} value={allowed} onInput={(e) => setAllowed(e.currentTarget.value)} />
      <label for="memory-denied">{i18n.t('memory.deniedSites')}</label>
      <textarea id="memory-denied" rows={3} value={denied} onInput={(e) => setDenied(e.currentTarget.value)} />
      <p class="hint">{i18n.t('memory.sitesHint')}</p>

      <label for="memory-cap">{i18n.t('memory.cap')}</label>
      <input id="memory-cap" type="number" min="1" value={cap} onInput={(e) => setCap(e.currentTarget.value)} />
      <label for="memory-days">{i18n.t('memory.retention')}</label>
      <input id="memory-days" type="number" min="1" value={days} onInput={(e) => setDays(e.currentTarget.value)} />

      <div class="toolbar">
        <button type="submit">{i18n.t('options.save')}</button>
      </div>
      {status && (
        <p class={status.kind === 'error' ? 'error' : 'muted'} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
