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
  type CloudFailure,
  type CloudFailureKind,
  type CloudOutcome,
  type CloudProvider,
  type CompletionCall,
} from './completions';
export { SseParser } from './sse';
