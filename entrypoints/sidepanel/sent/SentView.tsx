import { useState } from 'preact/hooks';
import { formatBytes, formatWhen } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { EgressRecord } from '@/lib/cloud';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { downloadText } from '../shared/download';
import { usePanel, useValue } from '../use-panel';

/**
 * The egress log (issue 14): one row per request that left this device, written before
 * it was sent. Nothing else leaves; on-device answers never appear here.
 */
export function SentView() {
  const { cloud } = usePanel();
  const { log } = useValue(cloud.state);
  const [confirming, setConfirming] = useState(false);
  if (!log) return <p role="status">{i18n.t('sent.loading')}</p>;
  return (
    <section class="sent" data-testid="sent-view">
      <h2>{i18n.t('sent.heading')}</h2>
      <p class="hint">{i18n.t('sent.intro')}</p>
      {log.length === 0 ? (
        <p class="empty" data-testid="sent-empty">
          {i18n.t('sent.empty')}
        </p>
      ) : (
        <>
          <div class="toolbar">
            <button type="button" onClick={() => downloadText(cloud.exportLog(), 'edgewise-sent-log.json')}>
              {i18n.t('sent.export')}
            </button>
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {i18n.t('sent.clear')}
            </button>
          </div>
          <ol class="sent-rows" data-testid="sent-rows">
            {log.map((row) => (
              <SentRow key={row.id} row={row} />
            ))}
          </ol>
        </>
      )}
      <ConfirmDialog
        message={confirming ? i18n.t('sent.confirmClear', log.length, [log.length]) : null}
        confirmLabel={i18n.t('sent.clear')}
        onConfirm={() => {
          setConfirming(false);
          void cloud.clearLog();
        }}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}

function SentRow({ row }: { row: EgressRecord }) {
  const tokens = (n: number) => `${row.tokensEstimated ? '~' : ''}${n.toLocaleString()}`;
  return (
    <li data-testid="sent-row" data-status={row.status}>
      <p>
        <strong>{row.provider}</strong> · {row.model} · {i18n.t(`cloud.feature.${row.feature}`)}
        {row.site ? ` · ${row.site}` : ''}
      </p>
      <p class="muted">
        {formatWhen(row.at)} · {row.origin}
      </p>
      <p class="muted" data-testid="sent-counts">
        {i18n.t('sent.counts', [
          formatBytes(row.bytesSent),
          tokens(row.tokensSent),
          formatBytes(row.bytesReceived),
          tokens(row.tokensReceived),
        ])}{' '}
        · {i18n.t('sent.redactions', row.redactions, [row.redactions])}
      </p>
      <p class={row.status === 'failed' ? 'error' : 'muted'} data-testid="sent-status">
        {i18n.t(`sent.status.${row.status}`, [row.httpStatus ? String(row.httpStatus) : '—', row.error ?? ''])}
      </p>
    </li>
  );
}
