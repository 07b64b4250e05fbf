/**
 * The one answer stream and what every feature shares to build its prompt: the budget
 * of the context window and the delimiters around data.
 */
export { TEMPLATE_TOKENS_PER_MESSAGE, textBudget, type TextBudget } from './budget';
export { dataBlock, inlineText, neutralise, type DataTag } from './delimiters';
export {
  CloudAnswerError,
  streamAnswer,
  type Answer,
  type AnswerEngine,
  type AnswerOrigin,
  type AnswerRequest,
  type CloudRoute,
} from './stream';
export { whereItRan } from './where-it-ran';
