/**
 * The side panel's orchestration, UI-free: one `Panel` per panel holds the engine link,
 * models and downloads behind the one model gate, chat sessions, chat history and summary
 * jobs. Views render their state (`Readable`s) and call their methods.
 */
export { ChatPanel, type ChatState, type PageReadState } from './chat';
export { BuiltInService, type BuiltInState } from './built-in';
export { CloudAccess, type CloudState } from './cloud';
export {
  CloudConsent,
  type AgreedCloud,
  type ConsentChoice,
  type ConsentRequest,
  type ConsentState,
} from './cloud-consent';
export { Downloads, type DownloadState } from './downloads';
export { EngineLink, type EngineLinkState } from './engine-link';
export { createPanelBus, type PanelBus, type PanelEvents } from './events';
export { ChatHistory, type HistoryState, type ImportOutcome } from './history';
export { historyEntries, titleOf, type HistoryEntry, type HistoryKind } from './history-entries';
export { PageMemory, type ForgetRange, type MemoryState } from './memory';
export { ModelGate, ModelNotDownloadedError } from './model-gate';
export { ModelLibrary, type ModelsState, type StorageUse } from './models';
export { explainDownloadError, type NextStep, type PlainError } from './plain-errors';
export { ProfileBook, type ProfileBookState, type ProfileStatus } from './profiles';
export type { Readable } from './observable';
export { Panel, type PanelBrowser, type PanelDeps } from './panel';
export {
  STORED_KINDS,
  StoredData,
  type StoredKind,
  type StoredKindUse,
  type StoredOutcome,
  type StoredState,
} from './stored-data';
export { SummaryJobs, type SummaryState } from './summaries';
export { TabWatcher, type TabPage } from './tabs';
