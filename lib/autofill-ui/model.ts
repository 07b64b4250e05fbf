/**
 * What the suggestion popup shows, as data: the controller decides it, the view (in
 * entrypoints/autofill/) only draws it. Everything here may be shown inside a hostile page,
 * so it holds masked previews, never a profile's values.
 */
import type { Box } from '@/lib/autofill';

/** What picking a row does. */
export type RowAction =
  | { kind: 'profile'; profileId: string }
  | { kind: 'section'; profileId: string }
  | { kind: 'draft' }
  | { kind: 'undo' }
  | { kind: 'site-off' }
  | { kind: 'insert' }
  | { kind: 'regenerate' }
  | { kind: 'stop' }
  | { kind: 'discard' }
  | { kind: 'offer'; answer: 'save' | 'dismiss' | 'never' };

/** One option of the popup's listbox. */
export interface PopupRow {
  action: RowAction;
  text: string;
  /** A second line: which profile a value comes from, how many fields a fill writes. */
  detail: string;
}

/** A draft being written or written. */
export interface DraftView {
  text: string;
  busy: boolean;
  /** "Written from:" lines. */
  sources: string[];
  /** Where it ran ("Ran on this device: … (WASM)"), once known. */
  ranOn: string | null;
  error: string | null;
}

export interface PopupModel {
  mode: 'suggest' | 'filled' | 'draft' | 'offer';
  /** A heading (the save offer's question, "Draft with Edgewise"); '' for none. */
  title: string;
  /** A status line, announced politely ("Filled 6 fields"); '' for none. */
  status: string;
  draft: DraftView | null;
  /** The save offer's values, shown in full (they came from the page). */
  offerItems: { label: string; value: string }[];
  rows: PopupRow[];
  /** Index of the row ↓/↑ moved to; -1 for none. */
  active: number;
  /** Where the fields the active row would change are, to outline them before the click. */
  highlights: Box[];
}

/** Handlers the view calls. */
export interface PopupHandlers {
  /** A row was clicked (the controller checks the click is trusted and safe). */
  pick(index: number, event: MouseEvent): void;
  /** The pointer moved onto a row. */
  hover(index: number): void;
}

/** The view: draws a model into the closed shadow root. */
export interface PopupView {
  render(model: PopupModel): void;
}
