/**
 * "Save to profile" (issue 13): after a form is sent with values the profile does not have,
 * the page offers to save them. Nothing is ever saved without the user's yes, and until
 * then the values are held in `storage.session`, which lives in memory only (never on
 * disk) and which content scripts cannot read. The offer outlives the form's own page,
 * since sending a form usually loads another one.
 */
import type { WxtBrowser } from 'wxt/browser';
import {
  REPEATABLE_TOKENS,
  draftOf,
  emptyDraft,
  fieldKey,
  getDefaultProfile,
  isCountryCode,
  isProfileToken,
  profileProblems,
  saveProfile,
  type ProfileDraft,
  type ProfileToken,
} from '@/lib/profile';
import type { SaveOffer, SubmittedValue } from '@/lib/messaging';
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';
import { i18n } from '@/lib/i18n';

/** What the offer needs of the browser. */
export type OfferStorage = Pick<WxtBrowser['storage']['session'], 'get' | 'set' | 'remove'>;

/** An offer not answered in this time is dropped: the user has moved on. */
export const OFFER_LIFETIME_MS = 10 * 60_000;

interface PendingOffer {
  id: string;
  /** The sent form's site: the offer is shown on its pages only (never on the next site the tab goes to). */
  site: string;
  values: SubmittedValue[];
  createdAt: number;
  /** Whether a page loaded after the form was sent was already given it (it is, once). */
  shownAfterLoad: boolean;
  /** Set when a page has just loaded: its suggestions UI takes the offer once. */
  deliver: boolean;
}

const keyOf = (tabId: number) => `autofill-offer:${tabId}`;

/** The sent values that are new to `profile` and that it could store (valid, not a secret), one per token. */
export function newValues(values: readonly SubmittedValue[], profile: ProfileRecord | undefined): SubmittedValue[] {
  let draft = profile ? draftOf(profile) : newProfileDraft();
  const fresh: SubmittedValue[] = [];
  // The country first: the postal code after it is checked against the country sent with it.
  const countryFirst = [...values].sort((a, b) => Number(b.token === 'country') - Number(a.token === 'country'));
  for (const { token, value: typed } of countryFirst) {
    if (!isProfileToken(token) || fresh.some((v) => v.token === token)) continue;
    const value = token === 'country' ? typed.trim().toUpperCase() : typed.trim();
    if (!value || (token === 'country' && !isCountryCode(value))) continue;
    if ((draft.fields[token] ?? []).some((stored) => same(token, stored, value))) continue;
    const next = merged(draft, token, value);
    const index = (next.fields[token] ?? []).length - 1;
    // A value the profile form would refuse (a typo'd email, a card number) is not offered.
    if (profileProblems(next)[fieldKey(token, index)]) continue;
    draft = next;
    fresh.push({ token, value });
  }
  // Offered in the form's own order (one value per token, so its first place).
  const order = values.map((v) => v.token);
  return fresh.sort((a, b) => order.indexOf(a.token) - order.indexOf(b.token));
}

function newProfileDraft(): ProfileDraft {
  return { ...emptyDraft(), name: i18n.t('autofill.newProfileName'), isDefault: true };
}

function same(token: ProfileToken, a: string, b: string): boolean {
  if (token === 'tel') return a.replace(/\D/g, '') === b.replace(/\D/g, '');
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** `draft` with `value` added (a second email) or in place of what was there (a new address line). */
function merged(draft: ProfileDraft, token: ProfileToken, value: string): ProfileDraft {
  const existing = draft.fields[token] ?? [];
  const values = REPEATABLE_TOKENS.includes(token) ? [...existing, value] : [value];
  return { ...draft, fields: { ...draft.fields, [token]: values } };
}

/** The offer to show for `values`, or null when nothing is new. */
async function offerFor(
  db: EdgewiseDatabase,
  id: string,
  values: readonly SubmittedValue[],
): Promise<SaveOffer | null> {
  const profile = await getDefaultProfile(db);
  const items = newValues(values, profile);
  if (items.length === 0) return null;
  return { id, profileName: profile?.name ?? i18n.t('autofill.newProfileName'), isNewProfile: !profile, items };
}

/** Keeps a sent form's values for `tabId` and returns the offer, or null (and keeps nothing) when nothing is new. */
export async function holdOffer(
  storage: OfferStorage,
  db: EdgewiseDatabase,
  tabId: number,
  site: string,
  values: readonly SubmittedValue[],
  now = Date.now(),
): Promise<SaveOffer | null> {
  const offer = await offerFor(db, crypto.randomUUID(), values);
  if (!offer) return null;
  const pending: PendingOffer = {
    id: offer.id,
    site,
    values: offer.items,
    createdAt: now,
    shownAfterLoad: false,
    deliver: false,
  };
  await storage.set({ [keyOf(tabId)]: pending });
  return offer;
}

async function pendingOffer(storage: OfferStorage, tabId: number, now: number): Promise<PendingOffer | null> {
  const stored: unknown = (await storage.get(keyOf(tabId)))[keyOf(tabId)];
  if (!isPending(stored)) return null;
  if (now - stored.createdAt > OFFER_LIFETIME_MS) {
    await storage.remove(keyOf(tabId));
    return null;
  }
  return stored;
}

function isPending(value: unknown): value is PendingOffer {
  return (
    typeof value === 'object' &&
    value !== null &&
    'values' in value &&
    Array.isArray(value.values) &&
    'id' in value &&
    'site' in value
  );
}

/**
 * The offer for the page that just loaded in `tabId`, taken once (recomputed: a profile may
 * have changed since); null when none waits or it was already taken.
 */
export async function takeOffer(
  storage: OfferStorage,
  db: EdgewiseDatabase,
  tabId: number,
  site: string,
  now = Date.now(),
): Promise<SaveOffer | null> {
  const pending = await pendingOffer(storage, tabId, now);
  if (!pending?.deliver || pending.site !== site) return null;
  await storage.set({ [keyOf(tabId)]: { ...pending, deliver: false } });
  return offerFor(db, pending.id, pending.values);
}

/**
 * Whether the page just loaded in `tabId` should be given the waiting offer: once, as the
 * form's own page may have shown it for an instant before it was left.
 */
export async function offerForNewPage(
  storage: OfferStorage,
  tabId: number,
  site: string,
  now = Date.now(),
): Promise<boolean> {
  const pending = await pendingOffer(storage, tabId, now);
  if (!pending || pending.shownAfterLoad || pending.site !== site) return false;
  await storage.set({ [keyOf(tabId)]: { ...pending, shownAfterLoad: true, deliver: true } });
  return true;
}

/**
 * Carries out the user's answer to offer `offerId`. "save" stores exactly its new values in
 * the default profile (a new profile if there is none). An answer to an offer a newer form
 * replaced (or that expired) changes nothing, and "save" then says so.
 */
export async function answerOffer(
  storage: OfferStorage,
  db: EdgewiseDatabase,
  tabId: number,
  offerId: string,
  answer: 'save' | 'dismiss' | 'never',
  now = Date.now(),
): Promise<void> {
  const pending = await pendingOffer(storage, tabId, now);
  if (pending?.id !== offerId) {
    if (answer === 'save') throw new Error(i18n.t('autofill.offerStale'));
    return;
  }
  await storage.remove(keyOf(tabId));
  if (answer !== 'save') return;
  const profile = await getDefaultProfile(db);
  // Without any profile there is no default to add to: the values start one (which becomes the default).
  let draft = profile ? draftOf(profile) : newProfileDraft();
  for (const { token, value } of newValues(pending.values, profile)) {
    if (isProfileToken(token)) draft = merged(draft, token, value);
  }
  await saveProfile(db, { ...draft, id: profile?.id });
}
