/** The value checks settings rules share: each returns the clean value or throws a {@link SettingsError}. */
import { i18n } from '@/lib/i18n';
import { SettingsError } from './errors';
import { normaliseSite } from './sites';

/** A switch: true or false, nothing else. */
export function flag(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new SettingsError(i18n.t('settingsErrors.flag'));
  return value;
}

/** A whole number from `min` to `max`. */
export function whole(value: unknown, min: number, max: number, message: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(message);
  }
  return value;
}

/** A list of sites: each entry normalised to a hostname; duplicates dropped, the user's order kept. */
export function siteList(value: unknown): string[] {
  if (!Array.isArray(value)) throw new SettingsError(i18n.t('settingsErrors.sites'));
  return [...new Set(value.map((site) => normaliseSite(String(site))))];
}
