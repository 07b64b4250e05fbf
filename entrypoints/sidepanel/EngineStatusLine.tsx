import type { EngineStatus } from '@/lib/engine';
import { i18n } from '@/lib/i18n';
import { findModel } from '@/models';

/** What the engine is doing now, and on which device, in words (model names, not repository ids). */
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
  const device = (d: string) => i18n.t(d === 'webgpu' ? 'engine.onGpu' : 'engine.onCpu');
  const name = (id: string) => findModel(id)?.name ?? id;
  switch (status.state) {
    case 'idle':
      if (status.unloaded?.reason === 'idle') return i18n.t('engine.unloadedIdle', [name(status.unloaded.modelId)]);
      return i18n.t('engine.idle');
    case 'downloading':
      return i18n.t('engine.downloading', [name(status.modelId)]);
    case 'loading':
      return i18n.t('engine.loading', [name(status.modelId), device(status.device)]);
    case 'ready':
      return i18n.t('engine.ready', [name(status.modelId), device(status.device)]);
    case 'generating':
      return i18n.t('engine.generating', [name(status.modelId), device(status.device)]);
    case 'error':
      return i18n.t('engine.error', [status.message]);
  }
}
