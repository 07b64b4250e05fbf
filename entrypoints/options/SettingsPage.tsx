import { useEffect, useState } from 'preact/hooks';
import { catalog } from '@/models';
import { HUGGING_FACE_HUB, loadSettings, saveSettings, type Settings } from '@/lib/settings';
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
        <h1>Edgewise settings</h1>
        <p role="status">Loading settings…</p>
      </>
    );
  }

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      setForm(await saveSettings(db, form));
      setMessage({ kind: 'ok', text: 'Saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <>
      <h1>Edgewise settings</h1>
      <form onSubmit={save} aria-describedby="save-status">
        <label for="model-host">Model host</label>
        <input
          id="model-host"
          type="url"
          value={form.modelHost}
          onInput={(e) => update({ modelHost: e.currentTarget.value })}
        />
        <p class="hint">
          Where model files are downloaded from. The default is the Hugging Face hub ({HUGGING_FACE_HUB}). For offline
          or company use, point it at a mirror with the same layout: {'{host}{owner}/{model}/resolve/main/{file}'}.
        </p>

        <label for="custom-model">Your own model from the model host (optional)</label>
        <input
          id="custom-model"
          value={catalog.some((model) => model.id === form.modelId) ? '' : form.modelId}
          placeholder="owner/name"
          onInput={(e) => e.currentTarget.value.trim() && update({ modelId: e.currentTarget.value.trim() })}
        />
        <p class="hint">
          Any transformers.js text-generation model in ONNX format. It then appears in the model manager, where every
          model can be downloaded, chosen and deleted: open the Edgewise side panel and choose Models. Device, weights
          and when to unload the model from memory are set there too.
        </p>

        <button type="submit">Save</button>
        <p id="save-status" role="status" class={message?.kind ?? ''}>
          {message?.text}
        </p>
      </form>
    </>
  );
}
