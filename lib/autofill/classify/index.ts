/**
 * Form field classification (issue 13): which autocomplete token each fillable control asks
 * for, in which section, and which signal said so; the labels people read; and which fields
 * are free-text questions. Pure DOM code: no extension APIs, runs on a parsed document.
 */
export { parseAutocomplete, type AutocompleteDetail } from './autocomplete';
export { classifyFields } from './classify';
export { inferLabel } from './labels';
export { isQuestionField, isQuestionLabel } from './question';
export { sniffSelect, type SelectShape } from './options';
