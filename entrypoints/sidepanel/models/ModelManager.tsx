import { useEffect, useState } from 'preact/hooks';
import type { DeviceCapabilities } from '@/lib/device';
import type { CachedModel } from '@/lib/engine';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { EngineRemote } from '@/lib/messaging';
import { managerRows } from '@/lib/model-manager';
import type { Settings } from '@/lib/settings';
import { catalog } from '@/models';
import type { Downloads } from './downloads';
import { EngineSettings } from './EngineSettings';
import { ModelRowView } from './ModelRowView';

interface Props {
  engine: EngineRemote;
  settings: Settings;
  cached: CachedModel[];
  capabilities: DeviceCapabilities | null;
  downloads: Downloads;
  onChangeSettings(change: Partial<Settings>): Promise<void>;
  onChanged(): void;
}

/** The catalog with what is stored, downloads, deletion, storage use and engine settings. */
export function ModelManager({
  engine,
  settings,
  cached,
  capabilities,
  downloads,
  onChangeSettings,
  onChanged,
}: Props) {
  const [storage, setStorage] = useState<{ usage?: number; quota?: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void navigator.storage?.estimate().then(setStorage, () => setStorage(null));
  }, [cached]);

  if (!capabilities) return <p role="status">{i18n.t('models.checking')}</p>;
  const rows = managerRows(catalog, cached, settings, capabilities);
  const remove = async (modelId: string) => {
    setError(null);
    try {
      await engine.deleteCached(modelId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    onChanged();
  };

  return (
    <div class="models">
      {storage?.quota !== undefined && (
        <p class="muted" data-testid="storage-estimate">
          {i18n.t('models.storage', [
            formatBytes(storage.usage ?? 0),
            formatBytes(storage.quota - (storage.usage ?? 0)),
          ])}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ul class="model-list" aria-label={i18n.t('models.listLabel')}>
        {rows.map((row) => (
          <ModelRowView
            key={row.id}
            row={row}
            downloads={downloads}
            onUse={() => void onChangeSettings({ modelId: row.id })}
            onDelete={() => void remove(row.id)}
          />
        ))}
      </ul>
      <EngineSettings settings={settings} capabilities={capabilities} onChange={onChangeSettings} />
    </div>
  );
}
