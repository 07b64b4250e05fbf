/**
 * Cloud failures in plain words (issue 14): what happened, at which provider, and what
 * the user can do. The answer keeps what arrived; the panel offers "Retry on this device".
 */
import type { CloudFailure } from '@/lib/engine';
import { i18n } from '@/lib/i18n';

/** Says what went wrong with a request to `provider`. */
export function explainCloudFailure(failure: CloudFailure, provider: string): string {
  const status = String(failure.status);
  switch (failure.kind) {
    case 'auth':
      return i18n.t('cloudErrors.auth', [provider, status]);
    case 'rateLimit':
      return failure.retryAfterSeconds !== null
        ? i18n.t('cloudErrors.rateLimitFor', [provider, failure.retryAfterSeconds.toLocaleString()])
        : i18n.t('cloudErrors.rateLimit', [provider]);
    case 'server':
      return i18n.t('cloudErrors.server', [provider, status]);
    case 'refused':
      return i18n.t('cloudErrors.refused', [provider, status, failure.detail || '—']);
    case 'network':
      return i18n.t('cloudErrors.network', [provider]);
    case 'cut':
      return i18n.t('cloudErrors.cut', [provider]);
    case 'timeout':
      return i18n.t('cloudErrors.timeout', [provider]);
    case 'changed':
      return i18n.t('cloudErrors.changed');
    case 'notConfigured':
      return i18n.t('cloudErrors.notConfigured');
  }
}
