/**
 * Filling a form (issue 13, "4. Filling"): which fields a fill writes, writing them as
 * controlled inputs accept, and undoing it. UI-free: the popup decides what to offer and
 * calls these on the user's pick.
 */
import { announce, controlOf, getNative, selectedIndexOf, setNative, type Control } from './fill-dom';
import { fillChanges, isFieldEmpty, readFieldValue, setFieldValue } from './fill-value';
import { isSecretToken, type ClassifiedField, type FillableElement } from './types';
import { domProbe, whyNotFillable, type LayoutProbe } from './visibility';

export { insertText, type InsertOptions } from './fill-insert';
export { matchOption } from './fill-select';
export { fillChanges, isFieldEmpty, readFieldValue, setFieldValue } from './fill-value';

/** One field a fill writes, and what. */
export interface FillStep {
  readonly field: ClassifiedField;
  readonly value: string;
}

/** How a fill is planned. */
export interface PlanOptions {
  /** The field the user picked the suggestion in: filled even when it already holds something. */
  target: FillableElement;
  /** The layout of a field, for {@link whyNotFillable}; default: the real one (tests pass a fake). */
  probe?: (element: FillableElement) => LayoutProbe;
}

/**
 * The fields a fill writes, in the order given: those with a non-secret token, a value from
 * `valueOf`, passing {@link whyNotFillable}, empty ({@link isFieldEmpty}) unless it is the
 * target, and whose value the fill would change. A field listed twice is planned once.
 */
export function planFill(
  fields: readonly ClassifiedField[],
  valueOf: (field: ClassifiedField) => string | null,
  options: PlanOptions,
): FillStep[] {
  const probe = options.probe ?? domProbe;
  const seen = new Set<FillableElement>();
  const steps: FillStep[] = [];
  for (const field of fields) {
    // Cheap checks first: layout is read only for fields that would otherwise be filled.
    if (seen.has(field.element) || isSecretToken(field.token)) continue;
    seen.add(field.element);
    const value = valueOf(field);
    if (!value) continue;
    if (field.element !== options.target && !isFieldEmpty(field.element)) continue;
    if (fillChanges(field.element, value) !== true) continue;
    if (whyNotFillable(field.element, probe(field.element)) !== null) continue;
    steps.push({ field, value });
  }
  return steps;
}

/** What a field held before a fill, to put back exactly. */
export type FillSnapshot =
  | { kind: 'value'; value: string }
  | { kind: 'select'; index: number }
  /** A contenteditable element's own nodes (markup, not just text), kept rather than re-parsed. */
  | { kind: 'nodes'; nodes: Node[] };

/** One filled field: what it held before, and what the fill left in it. */
export interface FillEntry {
  readonly element: FillableElement;
  readonly before: FillSnapshot;
  /** The field's state right after the fill ({@link stateOf}), to tell whether the user changed it since. */
  readonly after: string;
}

/** What a fill did, for {@link undoFill}. */
export interface FillRecord {
  readonly entries: readonly FillEntry[];
}

function snapshot(control: Control): FillSnapshot {
  switch (control.kind) {
    case 'select':
      return { kind: 'select', index: selectedIndexOf(control.element) };
    case 'editable':
      return { kind: 'nodes', nodes: Array.from(control.element.childNodes) };
    default:
      return { kind: 'value', value: getNative(control) };
  }
}

/** A select's state is its selected option (two options may share a value); any other field's, its text. */
function stateOf(control: Control): string {
  return control.kind === 'select' ? String(selectedIndexOf(control.element)) : (readFieldValue(control.element) ?? '');
}

/** Writes each step's value ({@link setFieldValue}) and remembers what was there; steps a field refuses are left out. */
export function applyFill(steps: readonly FillStep[]): FillRecord {
  const entries: FillEntry[] = [];
  for (const { field, value } of steps) {
    const control = controlOf(field.element);
    if (!control) continue;
    const before = snapshot(control);
    if (setFieldValue(field.element, value)) entries.push({ element: field.element, before, after: stateOf(control) });
  }
  return { entries };
}

function restore(control: Control, before: FillSnapshot): void {
  if (before.kind === 'nodes' && control.kind === 'editable') {
    control.element.replaceChildren(...before.nodes);
    announce(control, 'historyUndo', null);
  } else if (before.kind === 'select' && control.kind === 'select') {
    setNative(control, 'selectedIndex', before.index);
    announce(control, 'historyUndo', null);
  } else if (before.kind === 'value' && control.kind !== 'select' && control.kind !== 'editable') {
    setNative(control, 'value', before.value);
    announce(control, 'historyUndo', null);
  }
}

/**
 * Puts back what each filled field held before the fill (its exact value, option or
 * markup), through the native setters and with `input` and `change` events, as the fill was
 * written. Fields the user changed after the fill are left as they are: undo must not throw
 * away their typing. Returns how many fields were restored.
 */
export function undoFill(record: FillRecord): number {
  let restored = 0;
  // Last filled first, so a page that reacts to one field's change (a country resetting the state) sees the reverse order.
  for (const entry of [...record.entries].reverse()) {
    const control = controlOf(entry.element);
    if (!control || stateOf(control) !== entry.after) continue;
    restore(control, entry.before);
    restored++;
  }
  return restored;
}
