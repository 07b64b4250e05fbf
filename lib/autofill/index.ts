/**
 * Form autofill's pure parts (issue 13): classifying a page's fields, the fill-time
 * visibility rules, filling as controlled inputs accept it and undoing it, deriving a
 * field's value from a profile, and masked previews. No extension APIs: the in-page UI
 * (lib/autofill-ui) and the background (lib/autofill-service) build on these.
 */
export { classifyFields, inferLabel, isQuestionField, parseAutocomplete } from './classify';
export {
  applyFill,
  insertText,
  isFieldEmpty,
  planFill,
  readFieldValue,
  setFieldValue,
  undoFill,
  type FillRecord,
  type FillStep,
} from './fill';
export { maskPreview } from './mask';
export {
  FIELD_TOKENS,
  isSecretToken,
  type ClassifiedField,
  type FieldReason,
  type FieldSection,
  type FieldToken,
  type FillableElement,
} from './types';
export { profileValue, type ValueOptions } from './values';
export {
  ancestorOpacity,
  domProbe,
  frameAllowsFill,
  whyNotFillable,
  type Box,
  type LayoutProbe,
  type NotFillable,
} from './visibility';
