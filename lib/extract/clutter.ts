/**
 * What is on a page but is not its content. Two grades: clutter is never content (ads, cookie
 * banners) and is dropped before Readability, which keeps e.g. `<div class="ad">` when it sits
 * among paragraphs; chrome (navigation, sidebars, site header and footer, comments) is dropped
 * only from the visible-text fallback, since Readability already judges it better in context.
 */

/** One class or id token naming an ad slot or a cookie/consent banner. */
const CLUTTER_TOKEN =
  /^(?:ad|ads|advert|adverts|advertisement|adsbygoogle|ad[-_].+|ads[-_].+|.+[-_]ads?|sponsor|sponsored|.*cookie[-_]?(?:banner|bar|notice|consent|popup|wall).*|.*consent[-_]?(?:banner|bar|notice|popup|dialog|modal).*|gdpr.*)$/i;

/** Words in a landmark's label that mark a cookie/consent dialog. */
const CLUTTER_LABEL = /\b(?:cookies?|consent)\b/i;

const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'DIALOG']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert']);
const CHROME_TOKEN =
  /^(?:nav|navbar|menu|sidebar|breadcrumbs?|share|sharing|social|newsletter|promo|related|comments?|comment-list|skip-link|site-header|site-footer|masthead)$/i;

/** Ads and cookie banners: never content, on any page. */
export function isClutter(el: Element): boolean {
  if (tokens(el).some((t) => CLUTTER_TOKEN.test(t))) return true;
  const role = el.getAttribute('role');
  return (role === 'dialog' || role === 'alertdialog') && CLUTTER_LABEL.test(el.getAttribute('aria-label') ?? '');
}

/** Navigation, banners, sidebars, comments; a header or footer inside an article is content. */
export function isChrome(el: Element): boolean {
  const tag = el.tagName;
  if (CHROME_TAGS.has(tag)) return true;
  if ((tag === 'HEADER' || tag === 'FOOTER') && !el.parentElement?.closest('article, main, [role="main"]')) return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  return tokens(el).some((t) => CHROME_TOKEN.test(t));
}

function tokens(el: Element): string[] {
  const names = `${el.id} ${el.getAttribute('class') ?? ''}`.trim();
  return names === '' ? [] : names.split(/\s+/);
}
