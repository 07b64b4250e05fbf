import { useEffect, useState } from 'preact/hooks';
import type { DeviceCapabilities } from '@/lib/device';
import type { CachedModel, EngineStatus } from '@/lib/engine';
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
  status: EngineStatus | null;
  settings: Settings;
  cached: CachedModel[];
  capabilities: DeviceCapabilities | null;
  downloads: Downloads;
  onChangeSettings(change: Partial<Settings>): Promise<void>;
  onChanged(): void;
}

/** The catalog with what is stored, downloads, deletion, storage use and engine settings. */
export function ModelManager(props: Props) {
  const { engine, settings, cached, capabilities, downloads, onChangeSettings, onChanged } = props;
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
      <EngineStatusLine status={props.status} />
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

/** What the engine is doing now, and on which device. */
export function EngineStatusLine({ status }: { status: EngineStatus | null }) {
  const text = describeStatus(status);
  return (
    <p class="engine-status" role="status" data-testid="engine-status" data-state={status?.state ?? 'unknown'}>
      {text}
    </p>
  );
}

function describeStatus(status: EngineStatus | null): string {
  if (!status) return i18n.t('engine.connecting');
  const device = (d: string) => (d === 'webgpu' ? 'WebGPU' : 'WASM');
  switch (status.state) {
    case 'idle':
      if (status.unloaded?.reason === 'idle') return i18n.t('engine.unloadedIdle', [status.unloaded.modelId]);
      return i18n.t('engine.idle');
    case 'downloading':
      return i18n.t('engine.downloading', [status.modelId]);
    case 'loading':
      return i18n.t('engine.loading', [status.modelId, device(status.device)]);
    case 'ready':
      return i18n.t('engine.ready', [status.modelId, device(status.device), status.dtype]);
    case 'generating':
      return i18n.t('engine.generating', [status.modelId, device(status.device)]);
    case 'error':
      return i18n.t('engine.error', [status.message]);
  }
}
