import { useEffect, useState } from 'preact/hooks';
import { catalog } from '@/models';
import { HUGGING_FACE_HUB, loadSettings, saveSettings, type Settings } from '@/lib/settings';
import { openDatabase } from '@/lib/store';
import { DownloadedModels } from './DownloadedModels';

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

        <label for="model-id">Model</label>
        <select id="model-id" value={form.modelId} onChange={(e) => update({ modelId: e.currentTarget.value })}>
          {catalog.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name} ({model.parameters})
            </option>
          ))}
          {!catalog.some((model) => model.id === form.modelId) && <option value={form.modelId}>{form.modelId}</option>}
        </select>

        <label for="custom-model">Or another model from the model host</label>
        <input
          id="custom-model"
          value={catalog.some((model) => model.id === form.modelId) ? '' : form.modelId}
          onInput={(e) => e.currentTarget.value.trim() && update({ modelId: e.currentTarget.value.trim() })}
        />
        <p class="hint">
          Any transformers.js text-generation model in ONNX format. Uncatalogued models use their own defaults.
        </p>

        <label for="device">Device</label>
        <select
          id="device"
          value={form.device}
          onChange={(e) => update({ device: e.currentTarget.value as Settings['device'] })}
        >
          <option value="auto">Auto (WebGPU when available, else CPU)</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">CPU (WASM)</option>
        </select>

        <label for="idle-unload">Unload the model after idle minutes (0 = never)</label>
        <input
          id="idle-unload"
          type="number"
          min="0"
          max="1440"
          value={form.idleUnloadMinutes}
          onInput={(e) => update({ idleUnloadMinutes: e.currentTarget.valueAsNumber })}
        />

        <button type="submit">Save</button>
        <p id="save-status" role="status" class={message?.kind ?? ''}>
          {message?.text}
        </p>
      </form>
      <DownloadedModels />
    </>
  );
}
