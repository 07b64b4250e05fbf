/**
 * The background's side of autofill (issue 13): it injects the suggestions UI into a page
 * on the first focus of a fillable field, answers with masked previews, hands over values
 * only for a pick, and keeps the save offer. Profiles stay in the extension's IndexedDB;
 * content scripts never open it.
 */
import type { WxtBrowser } from 'wxt/browser';
import { listProfiles } from '@/lib/profile';
import type { AutofillReply, AutofillRequest, PortSender, ProfileSuggestion } from '@/lib/messaging';
import { isWebAddress, loadSettings, onSites, saveSettings, siteOf, type Settings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { maskPreview } from '@/lib/autofill';
import type { FieldToken } from '@/lib/autofill';
import { profileValue } from '@/lib/autofill';
import { answerOffer, holdOffer, offerForNewPage, takeOffer, type OfferStorage } from './save-offer';
import { autofillPage, type AutofillPage, type SenderApis } from './sender';
import { i18n } from '@/lib/i18n';

/** The injected suggestions UI (entrypoints/autofill.ts). */
export const AUTOFILL_SCRIPT = '/autofill.js';

/** The browser APIs the service needs, as WXT types them. */
export type AutofillApis = SenderApis & {
  scripting: Pick<WxtBrowser['scripting'], 'executeScript'>;
  storage: { session: OfferStorage };
};

/** What answering autofill requests needs: the browser APIs and the database. */
export interface AutofillDeps {
  apis: AutofillApis;
  db: EdgewiseDatabase;
}

/** Whether suggestions may show on `topUrl` now: on, and the site not turned off. */
export function suggestsOn(settings: Settings, topUrl: string): boolean {
  return settings.autofillEnabled && !onSites(topUrl, settings.autofillOffSites);
}

/** Injects the suggestions UI into one frame; the one wrapper around that `executeScript`. */
export async function injectAutofill(apis: AutofillApis, tabId: number, frameId: number): Promise<boolean> {
  try {
    await apis.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [AUTOFILL_SCRIPT] });
    return true;
  } catch {
    // The frame navigated or closed since it asked: nothing to show there.
    return false;
  }
}

/**
 * Answers one checked request from `sender`; null when the sender may not use autofill
 * (the caller replies nothing, as to any stranger).
 */
export async function handleAutofillRequest<R extends AutofillRequest>(
  request: R,
  sender: PortSender,
  deps: AutofillDeps,
): Promise<AutofillReply<R> | null> {
  const page = await autofillPage(sender, deps.apis);
  if (!page) return null;
  const settings = await loadSettings(deps.db);
  // Answering is typed per request; TypeScript cannot narrow `R` through the switch.
  return (await answer(request, page, settings, sender, deps)) as AutofillReply<R> | null;
}

async function answer(
  request: AutofillRequest,
  page: AutofillPage,
  settings: Settings,
  sender: PortSender,
  { apis, db }: AutofillDeps,
): Promise<AutofillReply<AutofillRequest> | null> {
  const on = suggestsOn(settings, page.topUrl);
  // The site the offer belongs to; `siteOf` is null only for an address with no host, which autofillPage refused.
  const site = siteOf(page.topUrl) ?? page.topUrl;
  const offers = on && settings.autofillSaveOffer;
  switch (request.type) {
    case 'autofill/start':
      return { ok: on && (await injectAutofill(apis, page.tabId, page.frameId)) };
    case 'autofill/suggest':
      return { on, profiles: on ? await suggestions(db, request.tokens) : [] };
    case 'autofill/values': {
      const profile = on ? (await listProfiles(db)).find((p) => p.id === request.profileId) : undefined;
      return {
        values: request.fields.map((field) =>
          profile ? profileValue(field.token, profile.fields, { maxLength: field.maxLength }) : null,
        ),
      };
    }
    case 'autofill/site-off': {
      // A host the site list cannot hold (an IPv6 address) is refused by the settings rules.
      const saved = await saveSettings(db, { autofillOffSites: [...settings.autofillOffSites, site] }).then(
        () => true,
        () => false,
      );
      return { ok: saved };
    }
    case 'autofill/submitted': {
      if (!offers) return { offer: null };
      const offer = await holdOffer(apis.storage.session, db, page.tabId, site, request.values);
      if (offer) void deliverIfNavigated(page.tabId, sender, { apis, db });
      return { offer };
    }
    case 'autofill/offer':
      // The page that loaded after a sent form takes it, in its top frame (a frame may be anyone's widget).
      return {
        offer: offers && page.frameId === 0 ? await takeOffer(apis.storage.session, db, page.tabId, site) : null,
      };
    case 'autofill/offer-answer':
      try {
        await answerOffer(apis.storage.session, db, page.tabId, request.offerId, request.answer);
        if (request.answer === 'never') await saveSettings(db, { autofillSaveOffer: false });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : i18n.t('autofill.saveFailed') };
      }
  }
}

/** Each profile with a value for any of `tokens`, the default first, as masked previews. */
async function suggestions(db: EdgewiseDatabase, tokens: readonly FieldToken[]): Promise<ProfileSuggestion[]> {
  // Oldest first, as the Profile view lists them, but the default first of all.
  const profiles = (await listProfiles(db)).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  const rows: ProfileSuggestion[] = [];
  for (const profile of profiles) {
    const previews: ProfileSuggestion['previews'] = {};
    for (const token of tokens) {
      const value = profileValue(token, profile.fields);
      if (value) previews[token] = maskPreview(value);
    }
    if (Object.keys(previews).length > 0)
      rows.push({ profileId: profile.id, profileName: profile.name, isDefault: profile.isDefault, previews });
  }
  return rows;
}

/**
 * Gives a waiting save offer to the page now in `tabId`: the form's page usually navigates
 * when it is sent, and the offer belongs on the page the user is looking at.
 */
export async function deliverOffer(tabId: number, { apis, db }: AutofillDeps): Promise<void> {
  const { url } = await apis.tabs.get(tabId);
  const site = url ? siteOf(url) : null;
  const settings = await loadSettings(db);
  if (!url || !site || !isWebAddress(url) || !suggestsOn(settings, url) || !settings.autofillSaveOffer) return;
  if (await offerForNewPage(apis.storage.session, tabId, site)) await injectAutofill(apis, tabId, 0);
}

/** The sent form's page may have been replaced before its offer was kept; then nobody else will deliver it. */
async function deliverIfNavigated(tabId: number, sender: PortSender, deps: AutofillDeps): Promise<void> {
  const tab = await deps.apis.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'complete' && tab.url && sender.url && tab.url !== sender.url && sender.frameId === 0) {
    await deliverOffer(tabId, deps);
  }
}
