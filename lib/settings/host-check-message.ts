/** "Test connection" results in words, with what to do next (issue 11: errors in plain words). */
import type { HostCheck } from '@/lib/engine';
import { i18n } from '@/lib/i18n';

/** What the user reads after testing `host` for `modelId`. */
export function describeHostCheck(result: HostCheck, host: string, modelId: string): string {
  const where = URL.canParse(host) ? new URL(host).host : host;
  if (result.ok) return i18n.t('hostCheck.ok', [where, modelId, String(result.ms)]);
  switch (result.problem) {
    case 'unreachable':
      return i18n.t('hostCheck.unreachable', [where]);
    case 'not-found':
      return i18n.t('hostCheck.notFound', [where, modelId]);
    case 'refused':
      return i18n.t('hostCheck.refused', [where, String(result.status ?? '?')]);
  }
}
