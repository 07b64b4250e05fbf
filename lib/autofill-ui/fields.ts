/**
 * The page's fields as the classifier sees them, kept until the page changes: classifying
 * on every focus would cost a long form its popup latency (issue 13 asks focus-to-popup
 * within 50 ms on 200 fields).
 */
import {
  classifyFields,
  domProbe,
  isFieldEmpty,
  isSecretToken,
  whyNotFillable,
  type ClassifiedField,
  type FieldToken,
  type FillableElement,
} from '@/lib/autofill';

/** Attributes the classifier reads; a change to any of them means classifying again. */
const READ_ATTRIBUTES = [
  'autocomplete',
  'name',
  'id',
  'type',
  'for',
  'aria-label',
  'aria-labelledby',
  'aria-placeholder',
  'placeholder',
  'title',
  'maxlength',
  'contenteditable',
  'lang',
];

/** Whether a field is one suggestions are for: a known token, and not a card, password or code. */
export function isSuggestible(field: ClassifiedField): boolean {
  return field.token !== 'unknown' && !isSecretToken(field.token);
}

/** The page's classified fields, classified once and again only when the page changes them. */
export class PageFields {
  private cache: ClassifiedField[] | null = null;
  private readonly observer: MutationObserver;

  /** `ours` is Edgewise's own popup host: adding and removing it changes no field. */
  constructor(
    private readonly doc: Document,
    private readonly ours: Node,
  ) {
    this.observer = new MutationObserver((records) => {
      const relevant = records.some(
        (r) => r.type === 'attributes' || [...r.addedNodes, ...r.removedNodes].some((node) => node !== this.ours),
      );
      if (relevant) this.cache = null;
    });
    this.observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: READ_ATTRIBUTES,
    });
  }

  /** Every fillable field of the page, in document order. */
  all(): ClassifiedField[] {
    return (this.cache ??= classifyFields(this.doc));
  }

  /** The field `element` is; classifies again once if it is new (a shadow root the observer cannot see changed). */
  of(element: Element): ClassifiedField | undefined {
    const found = this.all().find((field) => field.element === element);
    if (found) return found;
    this.cache = null;
    return this.all().find((field) => field.element === element);
  }

  /** The suggestible fields of `field`'s form section: the same form (or shadow root) and the same billing/shipping section. */
  sectionOf(field: ClassifiedField): ClassifiedField[] {
    const form = formOf(field.element);
    return this.all().filter((f) => isSuggestible(f) && f.section === field.section && formOf(f.element) === form);
  }

  /** The suggestible fields inside `form`. */
  inForm(form: Element): ClassifiedField[] {
    return this.all().filter((f) => isSuggestible(f) && formOf(f.element) === form);
  }

  stop(): void {
    this.observer.disconnect();
  }
}

/** The form a field belongs to (its `form` owner, else the nearest `<form>`), or its document or shadow root. */
export function formOf(element: FillableElement): Node {
  const owner = 'form' in element && element.form instanceof Element ? element.form : element.closest('form');
  return owner ?? element.getRootNode();
}

/**
 * The fields of `section` a whole-section fill from a profile with values for `tokens`
 * would change: the empty ones (and `target`, which the user picked in), and with `visible`
 * only those the fill-time rules allow (looking through the popup, `visible.ignore`, which
 * covers some of them while it is open).
 */
export function sectionChanges(
  section: readonly ClassifiedField[],
  has: (token: FieldToken) => boolean,
  target: FillableElement,
  visible: { ignore: Element } | null,
): FillableElement[] {
  return section
    .filter((f) => has(f.token) && (f.element === target || isFieldEmpty(f.element)))
    .filter(
      (f) =>
        !visible || f.element === target || whyNotFillable(f.element, domProbe(f.element, visible.ignore)) === null,
    )
    .map((f) => f.element);
}
