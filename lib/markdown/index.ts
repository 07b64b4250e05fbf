/**
 * Model output as safe HTML. Model text can echo page content, and pages can contain
 * anything, so raw HTML is never trusted: markdown is rendered with `marked`, then
 * sanitized with DOMPurify (no scripts, no event handlers, no iframes or forms), and
 * links open in a new tab without access to this page.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';

let hooked = false;

/** Renders markdown to sanitized HTML, for `dangerouslySetInnerHTML`. */
export function renderMarkdown(markdown: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'img'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}
