export {
  REQUEST_TYPES,
  isWireReply,
  isWireRequest,
  throwReply,
  type WireReply,
  type WireRequest,
} from './comlink-wire';
export {
  EngineUnavailableError,
  connectEngine,
  countTokensInBatches,
  generateStream,
  type ClientRuntime,
  type ConnectOptions,
  type EngineConnection,
  type EngineRemote,
  type TextModel,
} from './engine-client';
export { serveEngine, type HostRuntime } from './engine-host';
export { EngineSession } from './engine-session';
export { MAX_CHANNELS, PortMux, type IncomingCheck } from './port-mux';
export {
  ENGINE_PORT,
  classifySender,
  isBackgroundRequest,
  isPageRequest,
  type PageDescription,
  type PageRequest,
  type BackgroundReply,
  type BackgroundRequest,
  type SenderRole,
} from './protocol';
export type { PortSender, RuntimePort } from './runtime-port';
export {
  ENGINE_METHODS,
  MAX_CONTENT_CHARS,
  MAX_TEXTS_PER_COUNT,
  checkCallbackReply,
  checkEngineCall,
  generateRequestProblem,
  type EngineMethod,
} from './validate';
export {
  AUTOFILL_DRAFT_PORT,
  MAX_AUTOFILL_FIELDS,
  MAX_AUTOFILL_TEXT,
  parseAutofillRequest,
  parseDraftClientMessage,
  type AutofillReplies,
  type AutofillReply,
  type AutofillRequest,
  type DraftClientMessage,
  type DraftServerMessage,
  type DraftSource,
  type ProfileSuggestion,
  type SaveOffer,
  type SubmittedValue,
  type ValueRequest,
} from './autofill-protocol';
export { JOB_KEY, isSummarizeJob, postJob, takeJob, type SessionStorage, type SummarizeJob } from './panel-jobs';
