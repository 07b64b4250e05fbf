/**
 * What surrounds a field: the words of the containers it sits in (a fieldset's legend, a
 * group's aria label, the container's id, class and name) and the heading that introduces
 * its part of the form. Sections (billing, shipping) and date parts (birth, expiry) are read
 * from these. Descriptions are cached per container, so a form's fields share the work.
 */
import { composedParent, isIdRoot } from './dom';
import { textOf } from './labels';
import { attributeWords, normalize } from './text';

/** Where the walk up from a field stops: page-wide containers describe the page, not a form part. */
const TOP = new Set(['body', 'html']);

/** Per-container descriptions for one classification. */
export class Context {
  private readonly described = new Map<Element, string>();

  /** Normalized words describing `el` as a container; '' when it says nothing. */
  describe(el: Element): string {
    let text = this.described.get(el);
    if (text === undefined) {
      const parts: string[] = [];
      if (el.localName === 'fieldset') {
        for (const child of el.children) if (child.localName === 'legend') parts.push(textOf(child));
      }
      const labelledBy = el.getAttribute('aria-labelledby');
      const root = el.getRootNode();
      if (labelledBy && isIdRoot(root)) {
        for (const id of labelledBy.trim().split(/\s+/)) {
          const target = root.getElementById(id);
          if (target) parts.push(textOf(target));
        }
      }
      parts.push(el.getAttribute('aria-label') ?? '');
      text = normalize(parts.join(' '));
      const names = ['id', 'class', 'name'].map((a) => el.getAttribute(a) ?? '').join(' ');
      text = `${text} ${attributeWords(names)}`.trim();
      this.described.set(el, text);
    }
    return text;
  }

  /**
   * The descriptions around `el`, nearest container first, with the text of `heading` (the
   * last heading before the field) where it belongs: at the container that holds both the
   * heading and the field. A heading in a wrapper of its own (`<div class="head"><h2>`) counts
   * for that wrapper's parent; a heading in a sibling section does not reach the next one, and
   * a heading directly in the body titles the page, not a part of a form.
   */
  *around(el: Element, heading: Element | null): Generator<string> {
    const headingParent = heading?.parentElement ?? null;
    const headingScope =
      headingParent && headingParent.childElementCount === 1 ? headingParent.parentElement : headingParent;
    for (let node = composedParent(el); node && !TOP.has(node.localName); node = composedParent(node)) {
      const text = this.describe(node);
      if (text) yield text;
      if (heading && (node === headingParent || node === headingScope)) yield normalize(textOf(heading));
    }
  }
}
