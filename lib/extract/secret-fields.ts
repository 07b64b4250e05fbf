/**
 * Whether a page asks for a secret: a password, a payment card or a one-time code. Page
 * memory never keeps such a page (issue 12), because what surrounds those fields (account
 * pages, checkouts, sign-in flows) is exactly what should not be on disk.
 */

/** Fields that are secret by their type or autocomplete token (HTML's autofill detail tokens). */
const SECRET_SELECTOR = [
  'input[type="password" i]',
  '[autocomplete~="current-password" i]',
  '[autocomplete~="new-password" i]',
  '[autocomplete~="one-time-code" i]',
  '[autocomplete*="cc-" i]',
].join(',');

/** Secret fields that declare nothing but a telling name, id or label. */
const SECRET_WORDS = /card.?(?:num|no\b)|cc.?num|\bcvc|\bcvv|\bcsc\b|security.?code|one.?time|\botp\b|passcode/i;

/**
 * True when `doc`, or any shadow root in it, has a password, card or one-time-code field.
 * `shadowRoot` also reaches closed roots (the extractor passes `chrome.dom.openOrClosedShadowRoot`).
 */
export function hasSecretFields(
  doc: Document,
  shadowRoot: (el: Element) => ShadowRoot | null = (el) => el.shadowRoot,
): boolean {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let root = roots.pop(); root; root = roots.pop()) {
    if (root.querySelector(SECRET_SELECTOR)) return true;
    for (const field of root.querySelectorAll('input, select, textarea')) {
      // Attribute values as typed: `[type="password" i]` is not understood by every DOM.
      if (field.getAttribute('type')?.trim().toLowerCase() === 'password') return true;
      const words = ['name', 'id', 'placeholder', 'aria-label'].map((a) => field.getAttribute(a) ?? '').join(' ');
      if (SECRET_WORDS.test(words)) return true;
    }
    for (const el of root.querySelectorAll('*')) {
      const inner = shadowRoot(el);
      if (inner) roots.push(inner);
    }
  }
  return false;
}
