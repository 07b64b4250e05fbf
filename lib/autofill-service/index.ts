/**
 * The background's side of form autofill (issue 13): checked requests from the in-page UI,
 * draft ports, and the save offer that follows a sent form to the page it loads.
 */
export { deliverOffer, handleAutofillRequest, suggestsOn, type AutofillApis, type AutofillDeps } from './requests';
export { serveDraft, type DraftDeps } from './drafts';
export { serveAutofill, type ServeApis } from './serve';
export { OFFER_LIFETIME_MS, newValues } from './save-offer';
export { autofillPage, type AutofillPage, type SenderApis } from './sender';
