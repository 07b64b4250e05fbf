/**
 * The cloud side of routing (issue 14): streamed requests to an OpenAI-compatible
 * endpoint, run in the offscreen document. Nothing here decides *whether* to send: the
 * panel's consent and redaction (lib/routing) do, before a request reaches this folder.
 */
export {
  completionBody,
  completionsUrl,
  retryAfter,
  streamCompletion,
  type CloudOutcome,
  type CompletionCall,
} from './completions';
export { SseParser } from './sse';
export { ApiKeyError, apiKeyFor, apiKeyStatus, forgetApiKey, saveApiKey, type ApiKeyStatus } from './api-key';
export {
  EGRESS_LOG_LIMIT,
  clearEgress,
  egressExport,
  finishEgress,
  listEgress,
  logEgress,
  type EgressRecord,
} from './egress-log';
export { CloudEngine, estimateTokens, withCloud, type CloudEngineDeps } from './cloud-engine';
export { CLOUD_PRESETS, type CloudPreset } from './presets';
