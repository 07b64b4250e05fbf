import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { threadUrl } from '@/lib/chat';
import { i18n } from '@/lib/i18n';
import type { SessionStorageArea } from '@/lib/messaging';
import { managerRows } from '@/lib/model-manager';
import { openDatabase } from '@/lib/store';
import { catalog } from '@/models';
import { ChatView } from './chat/ChatView';
import { ChatHistory } from './history/ChatHistory';
import { Downloads } from './models/downloads';
import { EngineStatusLine } from './EngineStatusLine';
import { ModelManager } from './models/ModelManager';
import { ModelOffer } from './models/ModelOffer';
import { SummaryPanel } from './summary/SummaryPanel';
import { useActiveTab } from './use-active-tab';
import { useEngine } from './use-engine';
import { useModels } from './use-models';

const db = openDatabase();
const session = browser.storage.session as unknown as SessionStorageArea;

const VIEWS = ['chat', 'summary', 'history', 'models'] as const;
type View = (typeof VIEWS)[number];

/** The side panel: chat, summaries, history and models, all views kept alive while hidden. */
export function App() {
  const { connection, status, fatal } = useEngine();
  const tab = useActiveTab();
  const models = useModels(connection?.engine ?? null, db);
  const [view, setView] = useState<View>('chat');
  const [historyThread, setHistoryThread] = useState<string | null>(null);
  const [historyRevision, setHistoryRevision] = useState(0);
  const [deleted, setDeleted] = useState<{ threadId?: string; count: number }>({ count: 0 });
  const downloads = useMemo(
    () => connection && new Downloads(connection.engine, models.refresh),
    [connection, models.refresh],
  );
  const showSummary = useCallback(() => setView('summary'), []);
  // Switching tabs (or navigating) shows that page's thread, leaving a thread opened from history.
  useEffect(() => setHistoryThread(null), [tab?.tabId, tab && threadUrl(tab.url)]);
  // A load or unload anywhere (chat, summary, idle timer) can change what is stored or complete.
  useEffect(models.refresh, [status?.state, models.refresh]);

  const { settings, cached, capabilities } = models;
  const defaultRow =
    settings && cached && capabilities
      ? managerRows(catalog, cached, settings, capabilities).find((r) => r.isDefault)
      : undefined;

  return (
    <>
      <header class="app-header">
        <h1>{i18n.t('appName')}</h1>
        <EngineStatusLine status={status} />
      </header>
      {fatal && (
        <p class="error" role="alert">
          {fatal}
        </p>
      )}
      <nav class="tabs" role="tablist" aria-label={i18n.t('nav.label')}>
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-controls={`view-${name}`}
            aria-selected={view === name}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              const next = VIEWS[(VIEWS.indexOf(name) + step + VIEWS.length) % VIEWS.length]!;
              setView(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {i18n.t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      <main>
        <ViewPanel name="chat" shown={view}>
          {!connection || !defaultRow || !downloads ? (
            // Until what is stored is known, no question may be sent: it could download without consent.
            <p role="status">{connection ? i18n.t('models.checking') : i18n.t('engine.connecting')}</p>
          ) : defaultRow.stored !== 'complete' ? (
            <ModelOffer row={defaultRow} downloads={downloads} onChooseModel={() => setView('models')} />
          ) : (
            <ChatView
              engine={connection.engine}
              db={db}
              session={session}
              tab={tab}
              historyThreadId={historyThread}
              onLeaveHistory={() => setHistoryThread(null)}
              onSaved={() => setHistoryRevision((n) => n + 1)}
              deleted={deleted}
            />
          )}
        </ViewPanel>
        <ViewPanel name="summary" shown={view}>
          <SummaryPanel connection={connection} db={db} session={session} onJob={showSummary} />
        </ViewPanel>
        <ViewPanel name="history" shown={view}>
          <ChatHistory
            db={db}
            revision={historyRevision}
            onOpen={(id) => {
              setHistoryThread(id);
              setView('chat');
            }}
            onDeleted={(threadId) => {
              if (threadId === undefined || threadId === historyThread) setHistoryThread(null);
              setDeleted((d) => ({ threadId, count: d.count + 1 }));
            }}
          />
        </ViewPanel>
        <ViewPanel name="models" shown={view}>
          {connection && settings && cached && downloads ? (
            <ModelManager
              engine={connection.engine}
              settings={settings}
              cached={cached}
              capabilities={capabilities}
              downloads={downloads}
              onChangeSettings={models.changeSettings}
              onChanged={models.refresh}
            />
          ) : (
            <p role="status">{i18n.t('models.checking')}</p>
          )}
        </ViewPanel>
      </main>
    </>
  );
}

/** One view's panel; hidden rather than unmounted, so its state (a running answer or summary) lives on. */
function ViewPanel({ name, shown, children }: { name: View; shown: View; children: ComponentChildren }) {
  return (
    <section id={`view-${name}`} role="tabpanel" aria-labelledby={`tab-${name}`} hidden={shown !== name}>
      {children}
    </section>
  );
}
