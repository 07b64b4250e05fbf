/**
 * What form suggestions may do (issue 13): a global switch, the sites where they are off
 * ("Don't suggest on this site"), and whether a submitted form may offer to save its new
 * values to a profile. Part of the one settings record, so the background, which decides
 * whether to inject the suggestions into a page, hears every change.
 */
import { flag, siteList } from './checks';

export interface AutofillSettings {
  /** Suggest profile values when a form field is focused. */
  autofillEnabled: boolean;
  /** Hostnames where nothing is suggested; a site covers its subdomains. */
  autofillOffSites: string[];
  /** After a form is sent with new values, offer (never silently) to save them to a profile. */
  autofillSaveOffer: boolean;
}

export const DEFAULT_AUTOFILL_SETTINGS: Readonly<AutofillSettings> = {
  autofillEnabled: true,
  autofillOffSites: [],
  autofillSaveOffer: true,
};

/** A check per autofill setting: returns the clean value or throws a {@link SettingsError}. */
export const AUTOFILL_RULES: { [K in keyof AutofillSettings]: (value: AutofillSettings[K]) => AutofillSettings[K] } = {
  autofillEnabled: (value) => flag(value),
  autofillOffSites: (value) => siteList(value),
  autofillSaveOffer: (value) => flag(value),
};
