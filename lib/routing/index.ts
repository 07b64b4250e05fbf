/**
 * Where a request runs (issue 14), decided in the panel before anything is sent: the
 * routing policy, redaction of personal data and its local restore.
 */
export { profileValues, type RedactionKind } from './find-personal';
export {
  StreamingRestorer,
  redactMessages,
  restorePlaceholders,
  type Redaction,
  type RedactionResult,
  type RedactedMessage,
} from './redact';
export { decideRoute, ruleAllows, type Route, type RouteRequest } from './policy';
export { explainCloudFailure } from './cloud-errors';
