/**
 * The page side of "Save to profile" (issue 13): what a sent form had in its classified
 * fields, and the offer's popup. The offer is made by the background, which alone can
 * compare with the profiles.
 */
import { MAX_AUTOFILL_TEXT, type SaveOffer, type SubmittedValue } from '@/lib/messaging';
import { fieldLabel, isProfileToken } from '@/lib/profile';
import { readFieldValue, whyNotFillable, type ClassifiedField, type NotFillable } from '@/lib/autofill';
import type { PopupModel } from './model';
import { i18n } from '@/lib/i18n';

/** Reasons a field was never seen by the user (a honeypot's), as against scrolled away or covered now. */
const HIDDEN: readonly (NotFillable | null)[] = ['frame', 'inert', 'hidden', 'transparent', 'clipped', 'tiny'];

/**
 * What the user sent in `fields` (a form's suggestible fields): fields the user typed in
 * (`typed`: trusted input since the page loaded), visible ones only, non-empty, one value
 * per field.
 */
export function submittedValues(
  fields: readonly ClassifiedField[],
  typed: (element: Element) => boolean,
): SubmittedValue[] {
  const values: SubmittedValue[] = [];
  for (const field of fields) {
    // Only what the user typed: a value the page put there itself is not the user's to save.
    if (!typed(field.element)) continue;
    const value = readFieldValue(field.element)?.trim();
    if (!value || value.length > MAX_AUTOFILL_TEXT) continue;
    // Scrolled away, covered by the next page's spinner or made read-only while sending is
    // still what the user typed; hidden, transparent, clipped or tiny is a honeypot's.
    if (HIDDEN.includes(whyNotFillable(field.element))) continue;
    values.push({ token: field.token, value });
  }
  return values;
}

/** The popup asking whether to save `offer`'s values. */
export function offerModel(offer: SaveOffer): PopupModel {
  return {
    mode: 'offer',
    title: i18n.t(offer.isNewProfile ? 'autofill.offerTitleNew' : 'autofill.offerTitle', [offer.profileName]),
    status: i18n.t('autofill.offerHint'),
    draft: null,
    offerItems: offer.items.map(({ token, value }) => ({
      label: isProfileToken(token) ? fieldLabel(token) : token,
      value,
    })),
    rows: [
      { action: { kind: 'offer', answer: 'save' }, text: i18n.t('autofill.offerSave'), detail: '' },
      { action: { kind: 'offer', answer: 'dismiss' }, text: i18n.t('autofill.offerDismiss'), detail: '' },
      { action: { kind: 'offer', answer: 'never' }, text: i18n.t('autofill.offerNever'), detail: '' },
    ],
    active: -1,
    highlights: [],
  };
}
