export { CHROMIUM, QUIET_CHROMIUM_ARGS, launchBrowser, type LaunchOptions, type Launched } from './browser';
export { startPageServer, type PageServer } from './page-server';
export { ECHO_MODEL, EXTENSION_DIR, EXTENSION_ID, EXTENSION_ORIGIN, MODELS_DIR, PAGES_DIR, ROOT } from './paths';
export { contentScriptProbe, extensionPageProbe, probeSource, type ProbeHandle } from './probe';
export { configure, setModelHost, type SettingsChange } from './settings';
export {
  databaseSnapshot,
  offscreenDocumentCount,
  readStore,
  stopServiceWorkers,
  storedModelFiles,
  storedSummaries,
  type StoredFile,
} from './inspect';
export { nodeGreedyText } from './node-reference';
export { startSession, type Session } from './session';
export { clickMenuItem, finishedSummary, panelRun, tabIdOf } from './summarize';
export { startDesktop, type Desktop } from './desktop';
export { bestSubstringDistance, echoed, expectEchoed } from './echo-match';
export {
  ask,
  currentThread,
  finishedAnswer,
  focusTab,
  showView,
  startChatSession,
  confirmInPanel,
  storedThreads,
  type StoredThread,
} from './chat';
export { ensureModel, removeModel } from './models';
export { seriousViolations } from './axe';
export { rememberedUrls, storageUsage, storedMemory, type StoredMemoryPage } from './memory';
