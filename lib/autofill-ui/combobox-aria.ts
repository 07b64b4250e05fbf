/**
 * The combobox attributes on the page's own field while the popup is open
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): `role="combobox"` (text inputs
 * only: ARIA in HTML allows it on them, not on textareas or selects), `aria-expanded`,
 * `aria-controls` naming the popup's host, `aria-autocomplete` and `aria-haspopup`. What the
 * field had before is put back when the popup closes, so the page's markup is left as it was.
 *
 * `aria-activedescendant` is left out on purpose: an id cannot point into a closed shadow
 * root, and a dangling one misleads assistive technology. The active option is announced
 * by a polite live region inside the popup instead (see the view's announcer).
 */
const ATTRIBUTES = ['role', 'aria-expanded', 'aria-controls', 'aria-autocomplete', 'aria-haspopup'];

/** Sets and restores the combobox attributes of the field the popup is open for. */
export class ComboboxAria {
  private field: Element | null = null;
  private saved = new Map<string, string | null>();

  /** Marks `field` as an expanded combobox whose popup is `popup`. */
  hold(field: Element, popup: Element): void {
    if (this.field === field) return;
    this.release();
    this.field = field;
    for (const name of ATTRIBUTES) this.saved.set(name, field.getAttribute(name));
    if (field.localName === 'input') field.setAttribute('role', 'combobox');
    field.setAttribute('aria-expanded', 'true');
    field.setAttribute('aria-controls', popup.id);
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-haspopup', 'listbox');
  }

  /** Puts the field's own attributes back. */
  release(): void {
    const field = this.field;
    if (!field) return;
    for (const [name, value] of this.saved) {
      if (value === null) field.removeAttribute(name);
      else field.setAttribute(name, value);
    }
    this.saved.clear();
    this.field = null;
  }
}
