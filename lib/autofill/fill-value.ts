/**
 * Writing one value into one field the way controlled inputs (React, Vue) accept it, and
 * reading what a field holds, for the fill plan and for undo.
 */
import type { FillableElement } from './types';
import {
  announce,
  controlOf,
  getNative,
  replaceEditableText,
  selectedIndexOf,
  setNative,
  singleLine,
  type Control,
} from './fill-dom';
import { matchOption } from './fill-select';

/** What `control` holds, as the page would read it: the value, or a contenteditable element's text. */
function currentText(control: Control): string {
  return control.kind === 'editable' ? (control.element.textContent ?? '') : getNative(control);
}

/** What `element` holds ('' for nothing), or null when it is not a control autofill writes into. */
export function readFieldValue(element: FillableElement): string | null {
  const control = controlOf(element);
  return control ? currentText(control) : null;
}

/**
 * Whether `element` holds nothing the user chose: an empty (or blank) text, or a select
 * showing no option, an option with value '' (the "Choose…" placeholder) or a disabled one.
 * A select that came with a real option preselected holds a value, as a typed one would.
 */
export function isFieldEmpty(element: FillableElement): boolean {
  const control = controlOf(element);
  if (!control) return false;
  if (control.kind !== 'select') return currentText(control).trim() === '';
  const selected = control.element.options[selectedIndexOf(control.element)];
  return !selected || selected.value === '' || selected.disabled;
}

/** The text a fill of `value` writes into a text control: a single-line input cannot hold line breaks. */
function textFor(control: Exclude<Control, { kind: 'select' }>, value: string): string {
  return control.kind === 'input' ? singleLine(value) : value;
}

/**
 * Whether filling `value` into `element` would change what it shows; null when it cannot
 * take `value` at all (not a fillable control, no matching option, an empty value). The plan
 * leaves out fields a fill would not change, so undo and the preview list only real changes.
 */
export function fillChanges(element: FillableElement, value: string): boolean | null {
  const control = controlOf(element);
  if (!control || value === '') return null;
  if (control.kind !== 'select') return textFor(control, value) !== currentText(control);
  const option = matchOption(control.element, value);
  return option ? option.index !== selectedIndexOf(control.element) : null;
}

/**
 * Fills `value` into `element` as typing would look to the page: through the prototype's
 * native setter (so React's value tracker sees a change), then `input` and `change` events.
 * A select gets the option {@link matchOption} finds; a single-line input gets line breaks as
 * ", "; a contenteditable element gets its text replaced. Returns false, changing nothing,
 * when the field cannot take `value`: no matching option, a type that rejects it (a date
 * input given "soon"), an empty value, or an element autofill does not write into.
 */
export function setFieldValue(element: FillableElement, value: string): boolean {
  const control = controlOf(element);
  if (!control || value === '') return false;
  switch (control.kind) {
    case 'editable':
      replaceEditableText(control.element, value);
      announce(control, 'insertReplacementText', value);
      return true;
    case 'select': {
      const option = matchOption(control.element, value);
      if (!option) return false;
      setNative(control, 'value', option.value);
      // Two options may share a value; the index picks exactly the one matched.
      if (selectedIndexOf(control.element) !== option.index) setNative(control, 'selectedIndex', option.index);
      announce(control, 'insertReplacementText', null);
      return true;
    }
    default: {
      const text = textFor(control, value);
      const before = getNative(control);
      setNative(control, 'value', text);
      if (getNative(control) === '') {
        // The browser's value sanitisation refused it (a date or number input): put back what was there.
        setNative(control, 'value', before);
        return false;
      }
      announce(control, 'insertReplacementText', text);
      return true;
    }
  }
}
