/**
 * What the in-page autofill UI and the background say to each other (issue 13), declared
 * once. The page side is a content script in a hostile page, so every request is checked
 * here before the background acts on it: known types, no extra fields, tokens from the
 * list, bounded sizes, and never a secret token (cards, passwords, one-time codes).
 *
 * Profile values cross to the page only in the `autofill/values` reply, which the UI asks
 * for when the user picks a suggestion; until then it has masked previews only.
 */
import type { AnswerOrigin } from '@/lib/answer';
import { FIELD_TOKENS, isSecretToken, type FieldToken } from '@/lib/autofill';
import { hasOnlyKeys, isRecord } from './comlink-wire';

/** The runtime port a draft streams over (one port per draft; closing it stops the draft). */
export const AUTOFILL_DRAFT_PORT = 'edgewise/autofill-draft';

/** Most fields one request may name: a long form's worth. */
export const MAX_AUTOFILL_FIELDS = 300;
/** Longest value or question a request may carry: a field's worth, not a page's. */
export const MAX_AUTOFILL_TEXT = 2_000;

/** One field a value is asked for; `maxLength` lets a split phone box get the part that fits. */
export interface ValueRequest {
  token: FieldToken;
  maxLength?: number;
}

/** A value the user typed into a classified field and sent with the form. */
export interface SubmittedValue {
  token: FieldToken;
  value: string;
}

/** Requests an autofill content script sends to the background (`runtime.sendMessage`). */
export type AutofillRequest =
  /** The first focus of a fillable field: inject the suggestions UI into this frame. */
  | { type: 'autofill/start' }
  /** Masked previews of what the profiles hold for these tokens. */
  | { type: 'autofill/suggest'; tokens: FieldToken[] }
  /** The user picked a profile: the values for these fields, in order. */
  | { type: 'autofill/values'; profileId: string; fields: ValueRequest[] }
  /** "Don't suggest on this site". */
  | { type: 'autofill/site-off' }
  /** A form was sent: keep its new values for the save offer (in memory only) and say what is new. */
  | { type: 'autofill/submitted'; values: SubmittedValue[] }
  /** The save offer waiting for this tab, if any (shown after the form's page navigated). */
  | { type: 'autofill/offer' }
  /** The user's answer to the save offer they were shown (`offerId`: a newer form's offer is not answered by it). */
  | { type: 'autofill/offer-answer'; offerId: string; answer: 'save' | 'dismiss' | 'never' };

/** One profile as the popup lists it: masked previews only, per token it has a value for. */
export interface ProfileSuggestion {
  profileId: string;
  profileName: string;
  isDefault: boolean;
  previews: Partial<Record<FieldToken, string>>;
}

/**
 * What a save offer shows: the profile it saves to (or a new one) and the new values. They
 * are shown in full, on the sent form's site only: the user typed them there, and must see
 * exactly what would be saved.
 */
export interface SaveOffer {
  /** Names this offer: the answer saves exactly these items, or nothing if a newer offer replaced them. */
  id: string;
  profileName: string;
  isNewProfile: boolean;
  items: SubmittedValue[];
}

/** The reply to each request type. */
export interface AutofillReplies {
  'autofill/start': { ok: boolean };
  /** `on` false: suggestions are off here (the switch or the site), and the page side stops. */
  'autofill/suggest': { on: boolean; profiles: ProfileSuggestion[] };
  'autofill/values': { values: (string | null)[] };
  'autofill/site-off': { ok: boolean };
  'autofill/submitted': { offer: SaveOffer | null };
  'autofill/offer': { offer: SaveOffer | null };
  'autofill/offer-answer': { ok: true } | { ok: false; error: string };
}

/** The reply type for a request. */
export type AutofillReply<R extends AutofillRequest> = AutofillReplies[R['type']];

/** What the page side sends over a draft port; `ping` keeps the background awake during a long model load. */
export type DraftClientMessage = { type: 'draft'; question: string } | { type: 'stop' } | { type: 'ping' };

/** Where a draft's facts came from, listed under the preview. */
export type DraftSource =
  | { kind: 'about'; profileName: string }
  | { kind: 'page'; title: string }
  | { kind: 'memory'; title: string; url: string; visitedAt: number };

/** What the background sends over a draft port. */
export type DraftServerMessage =
  | { type: 'text'; text: string }
  | { type: 'done'; sources: DraftSource[]; origin: AnswerOrigin | null; stopped: boolean }
  | { type: 'error'; message: string };

/** A token the page side may ask about: a known one, never `unknown` or a secret. */
function isAskableToken(value: unknown): value is FieldToken {
  const token = FIELD_TOKENS.find((known) => known === value);
  return token !== undefined && !isSecretToken(token);
}

function isText(value: unknown, max = MAX_AUTOFILL_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length <= MAX_AUTOFILL_FIELDS;
}

/** The request `message` is, checked field by field; null for anything else (refuse it). */
export function parseAutofillRequest(message: unknown): AutofillRequest | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  const m = message;
  const only = (...keys: string[]) => hasOnlyKeys(m, ['type', ...keys]);
  switch (m.type) {
    case 'autofill/start':
    case 'autofill/site-off':
    case 'autofill/offer':
      return only() ? { type: m.type } : null;
    case 'autofill/suggest':
      return only('tokens') && isList(m.tokens) && m.tokens.every(isAskableToken)
        ? { type: m.type, tokens: m.tokens }
        : null;
    case 'autofill/values': {
      if (!only('profileId', 'fields') || !isText(m.profileId, 100) || !isList(m.fields)) return null;
      const fields: ValueRequest[] = [];
      for (const field of m.fields) {
        if (!isRecord(field) || !hasOnlyKeys(field, ['token', 'maxLength']) || !isAskableToken(field.token))
          return null;
        const { maxLength } = field;
        if (maxLength !== undefined && !(Number.isInteger(maxLength) && typeof maxLength === 'number' && maxLength > 0))
          return null;
        fields.push(maxLength === undefined ? { token: field.token } : { token: field.token, maxLength });
      }
      return { type: m.type, profileId: m.profileId, fields };
    }
    case 'autofill/submitted': {
      if (!only('values') || !isList(m.values)) return null;
      const values: SubmittedValue[] = [];
      for (const item of m.values) {
        if (!isRecord(item) || !hasOnlyKeys(item, ['token', 'value'])) return null;
        if (!isAskableToken(item.token) || !isText(item.value)) return null;
        values.push({ token: item.token, value: item.value });
      }
      return { type: m.type, values };
    }
    case 'autofill/offer-answer':
      return only('offerId', 'answer') &&
        isText(m.offerId, 100) &&
        (m.answer === 'save' || m.answer === 'dismiss' || m.answer === 'never')
        ? { type: m.type, offerId: m.offerId, answer: m.answer }
        : null;
    default:
      return null;
  }
}

/** A draft port message from the page side, checked; null for anything else. */
export function parseDraftClientMessage(message: unknown): DraftClientMessage | null {
  if (!isRecord(message)) return null;
  if ((message.type === 'stop' || message.type === 'ping') && hasOnlyKeys(message, ['type']))
    return { type: message.type };
  if (message.type === 'draft' && hasOnlyKeys(message, ['type', 'question']) && isText(message.question, 500)) {
    return message.question.trim() ? { type: 'draft', question: message.question } : null;
  }
  return null;
}
