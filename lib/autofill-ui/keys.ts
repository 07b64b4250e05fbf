/**
 * The popup's keys (the WAI-ARIA combobox pattern, with focus kept in the field):
 * ↓/↑ move through the options (wrapping), Enter picks the active one, Esc closes, Tab
 * closes and lets focus move on. https://www.w3.org/WAI/ARIA/apg/patterns/combobox/
 */

/** What a key does to the open popup. */
export type KeyAction =
  { kind: 'move'; to: number } | { kind: 'pick'; index: number } | { kind: 'close' } | { kind: 'leave' };

/** The action for `key` with `rows` options and `active` the active one (-1: none); null for keys left to the page. */
export function comboboxKey(key: string, rows: number, active: number): KeyAction | null {
  if ((key === 'ArrowDown' || key === 'ArrowUp') && rows > 0) {
    const step = key === 'ArrowDown' ? 1 : -1;
    return { kind: 'move', to: active < 0 ? (step > 0 ? 0 : rows - 1) : (active + step + rows) % rows };
  }
  // Enter with no active option is the page's (it sends the form).
  if (key === 'Enter' && active >= 0 && active < rows) return { kind: 'pick', index: active };
  if (key === 'Escape') return { kind: 'close' };
  if (key === 'Tab') return { kind: 'leave' };
  return null;
}
