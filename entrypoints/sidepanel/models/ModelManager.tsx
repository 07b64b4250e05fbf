import { useState } from 'preact/hooks';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import { usePanel, useValue } from '../use-panel';
import { ModelRowView } from './ModelRowView';

/** The catalog with what is stored, downloads, deletion and storage use; engine settings are one click away. */
export function ModelManager({ onOpenSettings }: { onOpenSettings(): void }) {
  const { models } = usePanel();
  const state = useValue(models.state);
  const [error, setError] = useState<string | null>(null);
  const { settings, capabilities, storage } = state;

  const rows = models.rows(state);
  const recommended = models.recommendation(state);
  if (!rows || !settings || !capabilities) return <p role="status">{i18n.t('models.checking')}</p>;
  const remove = async (modelId: string) => {
    setError(null);
    try {
      await models.remove(modelId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div class="models">
      {storage && (
        <p class="muted" data-testid="storage-estimate">
          {i18n.t('models.storage', [formatBytes(storage.usage), formatBytes(storage.quota - storage.usage)])}
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
            recommendation={recommended?.modelId === row.id ? recommended.reason : undefined}
            onOpenSettings={onOpenSettings}
            onUse={() => void models.changeSettings({ modelId: row.id })}
            onDelete={() => void remove(row.id)}
          />
        ))}
      </ul>
      <p class="muted">
        {i18n.t('models.settingsHint')}{' '}
        <button type="button" class="linklike" onClick={onOpenSettings}>
          {i18n.t('nav.settings')}
        </button>
      </p>
    </div>
  );
}
