import { useEffect, useState } from 'preact/hooks';
import { catalog } from '@/models';
import { HUGGING_FACE_HUB, loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { i18n } from '@/lib/i18n';
import { openDatabase } from '@/lib/store';

const db = openDatabase();

/** Settings form: every change is validated in `lib/settings` before anything is saved. */
export function SettingsPage() {
  // Null until the stored settings are read: a form shown earlier would let typing be overwritten.
  const [form, setForm] = useState<Settings | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    void loadSettings(db).then(setForm);
  }, []);

  const update = (change: Partial<Settings>) => setForm((current) => current && { ...current, ...change });

  if (!form) {
    return (
      <>
        <h1>{i18n.t('options.heading')}</h1>
        <p role="status">{i18n.t('options.loading')}</p>
      </>
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      // Only what this page edits: the panel may have changed device or idle time since it opened.
      setForm(await saveSettings(db, { modelHost: form.modelHost, modelId: form.modelId }));
      setMessage({ kind: 'ok', text: i18n.t('settings.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <h1>{i18n.t('options.heading')}</h1>
      <form onSubmit={save} aria-describedby="save-status">
        <label for="model-host">{i18n.t('options.modelHost')}</label>
        <input
          id="model-host"
          type="url"
          value={form.modelHost}
          onInput={(e) => update({ modelHost: e.currentTarget.value })}
        />
        <p class="hint">
          {i18n.t('options.modelHostHint', [HUGGING_FACE_HUB, '{host}{owner}/{model}/resolve/main/{file}'])}
        </p>

        <label for="custom-model">{i18n.t('options.customModel')}</label>
        <input
          id="custom-model"
          value={catalog.some((model) => model.id === form.modelId) ? '' : form.modelId}
          placeholder="owner/name"
          onInput={(e) => e.currentTarget.value.trim() && update({ modelId: e.currentTarget.value.trim() })}
        />
        <p class="hint">{i18n.t('options.customModelHint')}</p>

        <button type="submit">{i18n.t('options.save')}</button>
        <p id="save-status" role="status" class={message?.kind ?? ''}>
          {message?.text}
        </p>
      </form>
    </>
  );
}
