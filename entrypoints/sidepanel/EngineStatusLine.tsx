import type { EngineStatus } from '@/lib/engine';
import { i18n } from '@/lib/i18n';

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
