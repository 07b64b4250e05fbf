/**
 * Model output as HTML that runs nothing and fetches nothing. Model text echoes page
 * content, and pages can contain anything, so:
 * - raw HTML in the markdown is text: escaped and shown as written (a `<details>` or
 *   `<summaries …>` in an answer stays visible instead of becoming a widget or vanishing);
 * - an image becomes a link to it (an `<img>` would be fetched as soon as it renders,
 *   telling its server what was read);
 * - DOMPurify keeps only an explicit allowlist of text tags and attributes: no media, SVG,
 *   MathML, forms or `style`, and URLs only in `a[href]`, only `http(s):` and `mailto:`;
 * - links open in a new tab without access to this page.
 * Why: issue "Nothing leaves, nothing sneaks in" (a `<video poster>` in a page made the
 * panel fetch an attacker's URL).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
    // A task-list box is a form control; a character says the same.
    checkbox: ({ checked }) => (checked ? '☑ ' : '☐ '),
  },
});

/** Text structure only: nothing here loads a resource or takes input. */
const ALLOWED_TAGS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];
/** `href` survives only on links (the only tag with a URL attribute here), and only for these schemes. */
const ALLOWED_ATTR = ['href', 'title', 'align', 'start'];
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:)/i;

let hooked = false;

/** Renders markdown to sanitized HTML, for `dangerouslySetInnerHTML`. */
export function renderMarkdown(text: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      // Lowercased: an SVG or XML-namespaced <a> reports its nodeName as written.
      if (node.nodeName.toLowerCase() !== 'a') return;
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
    hooked = true;
  }
  const html = markdown.parse(text) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}
