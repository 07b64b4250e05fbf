/**
 * Sites as page memory's allow and deny lists name them: a hostname, which covers its
 * subdomains ("example.com" covers "news.example.com"), so one entry keeps a whole site out.
 */
import { i18n } from '@/lib/i18n';
import { SettingsError } from './errors';

/**
 * "https://www.Example.com/path", "Example.com" or "news.example.com:8080" → the lowercase
 * hostname ("www." dropped: people mean the site). Throws a {@link SettingsError} for anything
 * that is not a hostname, rather than storing a pattern that never matches.
 */
export function normaliseSite(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  // "shop.example." is the same site as "shop.example" (the root's dot, which URLs may keep).
  const host = URL.canParse(withScheme) ? new URL(withScheme).hostname.replace(/\.$/, '') : '';
  if (!host || !/^[a-z\d.-]+$/.test(host) || !/[a-z\d]/.test(host) || host.startsWith('.') || host.endsWith('.')) {
    throw new SettingsError(i18n.t('settingsErrors.site', [input]));
  }
  return host.replace(/^www\./, '');
}

/** The site of a page: its hostname without "www.", or null for a URL that has none. */
export function siteOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const host = new URL(url).hostname.replace(/\.$/, '');
  return host ? host.replace(/^www\./, '') : null;
}

/** Whether the page at `url` belongs to one of `sites` (the site itself or a subdomain of it). */
export function onSites(url: string, sites: readonly string[]): boolean {
  const site = siteOf(url);
  return site !== null && sites.some((entry) => site === entry || site.endsWith(`.${entry}`));
}

/** A site list as typed in a text box: one site per line (or comma-separated), blanks dropped. */
export function siteListFromText(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Whether `url` may be shown as a link: only http(s) addresses (never `javascript:` or `data:`). */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\//i.test(url) && URL.canParse(url);
}
