/**
 * The side panel's services, created once per panel and alive as long as it is: views
 * reach them through Preact context, render their state and forward the user's actions.
 * Nothing here renders, so all of it runs in Node under test.
 */
import type { WxtBrowser } from 'wxt/browser';
import { probeCapabilities } from '@/lib/device';
import { connectEngine } from '@/lib/messaging';
import type { EdgewiseDatabase } from '@/lib/store';
import { extractFromTab } from '@/lib/tabs';
import type { EngineStatus } from '@/lib/engine';
import type { ExtractedPage } from '@/lib/extract';
import { actionIconFor } from './action-icon';
import { ChatPanel } from './chat';
import { BuiltInAi, promptApiOf } from '@/lib/builtin';
import { BuiltInService } from './built-in';
import { CloudAccess } from './cloud';
import { CloudConsent } from './cloud-consent';
import type { PageReader } from './chat-sessions';
import { Downloads } from './downloads';
import { EngineLink } from './engine-link';
import { createPanelBus, type PanelBus } from './events';
import { ChatHistory } from './history';
import { ModelGate } from './model-gate';
import { PageMemory } from './memory';
import { ModelLibrary } from './models';
import { ProfileBook } from './profiles';
import { StoredData } from './stored-data';
import { SummaryJobs } from './summaries';
import { TabWatcher } from './tabs';

/** The browser APIs the panel uses, as WXT types them. */
export type PanelBrowser = Pick<WxtBrowser, 'runtime' | 'tabs' | 'windows' | 'scripting' | 'storage' | 'action'>;

export interface PanelDeps {
  browser: PanelBrowser;
  db: EdgewiseDatabase;
}

export class Panel {
  readonly bus: PanelBus = createPanelBus();
  readonly engine: EngineLink;
  readonly models: ModelLibrary;
  readonly downloads: Downloads;
  readonly gate: ModelGate;
  readonly tabs: TabWatcher;
  readonly chat: ChatPanel;
  /** The consent sheet before a cloud request (issue 14). */
  readonly consent: CloudConsent;
  /** The provider's key (where it is for) and the egress log. */
  readonly cloud: CloudAccess;
  /** Chrome's built-in AI, if this browser has it. */
  readonly builtIn: BuiltInService;
  readonly history: ChatHistory;
  readonly profiles: ProfileBook;
  readonly summaries: SummaryJobs;
  readonly memory: PageMemory;
  readonly stored: StoredData;
  private readonly unlisten: (() => void)[] = [];
  private readonly showOnIcon: (status: EngineStatus | null) => void;

  constructor({ browser, db }: PanelDeps) {
    this.showOnIcon = actionIconFor(browser.action);
    const session = browser.storage.session;
    const readPage: PageReader = (tabId, mode) => extractFromTab(browser, tabId, mode);
    this.engine = new EngineLink({ connect: () => connectEngine(browser.runtime) });
    this.memory = new PageMemory({ db });
    // Remembering never holds up an answer or a summary, and a failure to store loses nothing of them.
    const remember = (page: ExtractedPage) => void this.memory.remember(page).catch(() => undefined);
    const engine = () => this.engine.engine;
    this.models = new ModelLibrary({
      db,
      engine: () => this.engine.state.value.engine,
      probeCapabilities,
      estimateStorage: () => navigator.storage.estimate(),
    });
    this.downloads = new Downloads({ engine, settled: () => this.models.refresh() });
    this.gate = new ModelGate(this.models, this.downloads, engine);
    this.tabs = new TabWatcher({
      tabs: browser.tabs,
      windows: browser.windows,
      ownOrigin: browser.runtime.getURL('/'),
      bus: this.bus,
    });
    this.consent = new CloudConsent({ db });
    this.cloud = new CloudAccess(db);
    this.builtIn = new BuiltInService(new BuiltInAi(promptApiOf()));
    this.chat = new ChatPanel({
      db,
      session,
      consent: this.consent,
      builtIn: this.builtIn,
      gate: this.gate,
      engine,
      readPage,
      tabs: this.tabs,
      bus: this.bus,
      remember,
      loadedModel: () => {
        const status = this.engine.state.value.status;
        return status?.state === 'ready' || status?.state === 'generating' ? status.modelId : null;
      },
    });
    this.history = new ChatHistory(db, this.bus);
    this.profiles = new ProfileBook(db);
    this.stored = new StoredData({
      db,
      removeModel: (modelId) => this.models.remove(modelId),
      clear: { chats: () => this.history.clear(), summaries: () => this.summaries.clear() },
      profilesChanged: () => void this.profiles.reload(),
      stopWork: () => {
        this.summaries.stop();
        this.chat.stop();
      },
      estimateStorage: () => navigator.storage.estimate(),
    });
    this.summaries = new SummaryJobs({
      db,
      session,
      gate: this.gate,
      models: this.models,
      engine,
      readPage,
      remember,
      tabs: this.tabs,
      bus: this.bus,
    });
  }

  start(): void {
    // A load or unload anywhere (chat, summary, idle timer, another page) can change what is
    // stored; an answer starting or ending cannot, so generating counts as ready here.
    let last: string | undefined;
    this.unlisten.push(
      this.engine.state.subscribe(() => {
        const { engine, status } = this.engine.state.value;
        this.showOnIcon(status);
        const state = status?.state === 'generating' ? 'ready' : (status?.state ?? '');
        const key = `${engine ? 'up' : 'down'} ${state}`;
        if (key !== last) void this.models.refresh();
        last = key;
      }),
    );
    this.unlisten.push(this.models.watch());
    this.engine.start();
    this.tabs.start();
    this.chat.start();
    this.history.start();
    void this.profiles.start();
    this.summaries.start();
    this.memory.start();
    this.cloud.start();
    void this.builtIn.refresh();
    void this.models.refresh();
  }

  close(): void {
    for (const stop of this.unlisten.splice(0)) stop();
    // Nothing watches the engine once the panel is gone, so the icon must not stay "working".
    this.showOnIcon(null);
    this.summaries.close();
    this.memory.close();
    this.cloud.close();
    this.history.close();
    this.chat.close();
    this.tabs.close();
    this.engine.close();
  }
}
