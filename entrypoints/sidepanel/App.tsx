import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import { ChatView } from './chat/ChatView';
import { DataView } from './data/DataView';
import { EngineStatusLine } from './EngineStatusLine';
import { HistoryView } from './history/HistoryView';
import { MemoryView } from './memory/MemoryView';
import { ModelManager } from './models/ModelManager';
import { ModelOffer } from './models/ModelOffer';
import { ProfileView } from './profile/ProfileView';
import { SentView } from './sent/SentView';
import { SettingsView } from './settings/SettingsView';
import { SummaryPanel } from './summary/SummaryPanel';
import { useTheme } from './use-theme';
import { usePanel, useValue } from './use-panel';

const VIEWS = ['chat', 'summary', 'history', 'memory', 'profile', 'models', 'data', 'sent', 'settings'] as const;
type View = (typeof VIEWS)[number];

/** The side panel: chat, summaries, history, memory, profile, models, data, the egress log and settings, all views kept alive while hidden. */
export function App() {
  const panel = usePanel();
  const { engine, status, fatal } = useValue(panel.engine.state);
  const models = useValue(panel.models.state);
  const [view, setView] = useState<View>('chat');
  // A job from the context menu or the shortcut shows the summary.
  useEffect(() => panel.bus.on('summaryRequested', () => setView('summary')), [panel]);

  const defaultRow = panel.models.row(undefined, models);
  useTheme(models.settings?.theme);

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
          {!engine || !defaultRow ? (
            // Until what is stored is known, the chat is not shown (the model gate would refuse anyway).
            <p role="status">{engine ? i18n.t('models.checking') : i18n.t('engine.connecting')}</p>
          ) : defaultRow.stored !== 'complete' ? (
            <ModelOffer
              row={defaultRow}
              purpose="chat"
              onChooseModel={() => setView('models')}
              onOpenSettings={() => setView('settings')}
            />
          ) : (
            <ChatView />
          )}
        </ViewPanel>
        <ViewPanel name="summary" shown={view}>
          <SummaryPanel
            onChooseModel={() => setView('models')}
            onOpenSettings={() => setView('settings')}
            onFollowUp={() => setView('chat')}
          />
        </ViewPanel>
        <ViewPanel name="history" shown={view}>
          <HistoryView
            onOpenChat={(threadId) => {
              panel.chat.openFromHistory(threadId);
              setView('chat');
            }}
            onOpenSummary={() => setView('summary')}
          />
        </ViewPanel>
        <ViewPanel name="memory" shown={view}>
          <MemoryView />
        </ViewPanel>
        <ViewPanel name="profile" shown={view}>
          <ProfileView />
        </ViewPanel>
        <ViewPanel name="models" shown={view}>
          {engine ? (
            <ModelManager onOpenSettings={() => setView('settings')} />
          ) : (
            <p role="status">{i18n.t('models.checking')}</p>
          )}
        </ViewPanel>
        <ViewPanel name="data" shown={view}>
          <DataView shown={view === 'data'} onOpen={setView} />
        </ViewPanel>
        <ViewPanel name="sent" shown={view}>
          <SentView />
        </ViewPanel>
        <ViewPanel name="settings" shown={view}>
          <SettingsView
            library={panel.models}
            cloud={panel.cloud}
            builtIn={panel.builtIn}
            checkHost={engine ? (host, id) => engine.checkHost(host, id) : null}
          />
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
