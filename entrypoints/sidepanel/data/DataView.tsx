import { useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { StoredKind, StoredOutcome } from '@/lib/panel';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { usePanel, useValue } from '../use-panel';
import { downloadText } from '../shared/download';

/** The view each kind of data is seen in. */
export type DataHome = 'models' | 'history' | 'profile' | 'memory' | 'sent' | 'settings';
const HOME: Record<StoredKind, DataHome> = {
  models: 'models',
  summaries: 'history',
  chats: 'history',
  profiles: 'profile',
  memory: 'memory',
  cloud: 'sent',
  settings: 'settings',
};

/** Every kind of data Edgewise keeps on this device: how much, where to see it, how to delete it (issue 12). */
export function DataView({ shown, onOpen }: { shown: boolean; onOpen(view: DataHome): void }) {
  const { stored } = usePanel();
  const { kinds, storage, outcome, busy } = useValue(stored.state);
  const [confirming, setConfirming] = useState<StoredKind | 'everything' | null>(null);
  const [keepSettings, setKeepSettings] = useState(true);
  const file = useRef<HTMLInputElement>(null);
  // Counted whenever the view is shown: other views change what is stored all the time.
  useEffect(() => {
    if (shown) void stored.refresh();
  }, [shown, stored]);

  const confirmText =
    confirming === 'everything'
      ? i18n.t(keepSettings ? 'data.confirmEverythingKeep' : 'data.confirmEverything')
      : confirming && i18n.t('data.confirmKind', [i18n.t(`data.kind.${confirming}`)]);
  const importFile = (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (chosen) void stored.importFile(chosen);
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{i18n.t('nav.data')}</h2>
      <p class="muted">{i18n.t('data.intro')}</p>
      {storage && (
        <p data-testid="data-estimate">
          {i18n.t('data.estimate', [formatBytes(storage.usage), formatBytes(storage.quota)])}
        </p>
      )}
      {!kinds ? (
        <p role="status">{i18n.t('data.counting')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('data.what')}</th>
              <th scope="col">{i18n.t('data.count')}</th>
              <th scope="col">{i18n.t('data.size')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('data.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kinds.map(({ kind, count, bytes }) => (
              <tr key={kind} data-kind={kind}>
                <th scope="row">{i18n.t(`data.kind.${kind}`)}</th>
                <td data-testid="data-count">{count.toLocaleString()}</td>
                <td>{formatBytes(bytes)}</td>
                <td class="toolbar">
                  <button type="button" onClick={() => onOpen(HOME[kind])}>
                    {i18n.t('data.open')}
                  </button>
                  <button type="button" disabled={busy || count === 0} onClick={() => setConfirming(kind)}>
                    {i18n.t('data.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{i18n.t('data.contextHeading')}</h3>
      <p class="muted">{i18n.t('data.contextHint')}</p>
      <div class="toolbar">
        <button
          type="button"
          onClick={() =>
            void stored
              .exportContext()
              .then((text) =>
                downloadText(text, `edgewise-private-context-${new Date().toISOString().slice(0, 10)}.json`),
              )
          }
        >
          {i18n.t('data.export')}
        </button>
        <button type="button" onClick={() => file.current?.click()}>
          {i18n.t('data.import')}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="context-import"
          onChange={(e) => importFile(e.currentTarget)}
        />
      </div>

      <h3>{i18n.t('data.everythingHeading')}</h3>
      <label class="switch">
        <input type="checkbox" checked={keepSettings} onChange={(e) => setKeepSettings(e.currentTarget.checked)} />
        {i18n.t('data.keepSettings')}
      </label>
      <div class="toolbar">
        <button type="button" class="danger" disabled={busy} onClick={() => setConfirming('everything')}>
          {i18n.t('data.deleteEverything')}
        </button>
      </div>
      {outcome && <OutcomeLine outcome={outcome} />}

      <ConfirmDialog
        message={confirmText}
        confirmLabel={i18n.t('data.delete')}
        onConfirm={() => {
          if (confirming === 'everything') void stored.removeEverything(keepSettings);
          else if (confirming) void stored.remove(confirming);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}

function OutcomeLine({ outcome }: { outcome: StoredOutcome }) {
  if (outcome.kind === 'wiped' && outcome.failed.length > 0) {
    return (
      <p class="error" role="alert" data-testid="data-outcome">
        {i18n.t('data.wipeFailed', [outcome.failed.map((kind) => i18n.t(`data.kind.${kind}`)).join(', ')])}
      </p>
    );
  }
  if (outcome.kind === 'refused') {
    return (
      <p class="error" role="alert">
        {i18n.t('data.importRefused', [outcome.reason])}
      </p>
    );
  }
  const text =
    outcome.kind === 'imported'
      ? i18n.t('data.imported', [
          outcome.result.profiles.added,
          outcome.result.pagesAdded,
          outcome.result.profiles.unchanged + outcome.result.pagesSkipped,
        ])
      : outcome.before !== null && outcome.after !== null
        ? i18n.t('data.wipedEstimate', [formatBytes(outcome.before), formatBytes(outcome.after)])
        : i18n.t('data.wiped');
  return (
    <p role="status" data-testid="data-outcome">
      {text}
    </p>
  );
}
