/**
 * Which rows the popup offers for a focused field (pure): a masked suggestion per profile
 * that has a value for it, one "Fill the whole section" row for a form with at least three
 * classified fields (Chromium's threshold for a form-wide fill), "Draft with Edgewise" for a
 * free-text question, and "Don't suggest on this site".
 */
import type { ProfileSuggestion } from '@/lib/messaging';
import type { ClassifiedField } from '@/lib/autofill';
import type { PopupModel, PopupRow } from './model';
import { i18n } from '@/lib/i18n';

/** Fewest classified fields a section needs before a whole-section fill is offered. */
export const MIN_SECTION_FIELDS = 3;

/** What the rows are built from. */
export interface RowInputs {
  field: ClassifiedField;
  /** The suggestible fields of its section ({@link PageFields.sectionOf}). */
  section: readonly ClassifiedField[];
  /** Profiles with values, the default first, masked. */
  profiles: readonly ProfileSuggestion[];
  /** Whether the field reads as a free-text question. */
  question: boolean;
  /** Fields of the section a fill from the first profile would write (empty, visible, with a value). */
  sectionChanges: number;
}

/** The rows for a focused field; only the site switch when there is nothing to offer (the caller then shows nothing). */
export function suggestionRows({ field, section, profiles, question, sectionChanges }: RowInputs): PopupRow[] {
  const rows: PopupRow[] = [];
  for (const profile of profiles) {
    const preview = profile.previews[field.token];
    if (preview) {
      rows.push({
        action: { kind: 'profile', profileId: profile.profileId },
        text: preview,
        detail: i18n.t('autofill.fromProfile', [profile.profileName]),
      });
    }
  }
  const first = profiles[0];
  if (first && section.length >= MIN_SECTION_FIELDS && sectionChanges > 0) {
    rows.push({
      action: { kind: 'section', profileId: first.profileId },
      text: i18n.t('autofill.fillSection'),
      detail: i18n.t('autofill.fillSectionDetail', sectionChanges, [sectionChanges, first.profileName]),
    });
  }
  if (question)
    rows.push({ action: { kind: 'draft' }, text: i18n.t('autofill.draft'), detail: i18n.t('autofill.draftDetail') });
  rows.push({ action: { kind: 'site-off' }, text: i18n.t('autofill.siteOff'), detail: '' });
  return rows;
}

/** Whether the rows offer anything but the site switch. */
export function offersSomething(rows: readonly PopupRow[]): boolean {
  return rows.some((row) => row.action.kind !== 'site-off');
}

/** The popup for a focused field's suggestions. */
export function suggestModel(rows: PopupRow[], active: number): PopupModel {
  return { mode: 'suggest', title: '', status: '', draft: null, offerItems: [], rows, active, highlights: [] };
}

/** The popup after a fill: how many fields were written, and Undo when there is something to undo. */
export function filledModel(count: number): PopupModel {
  return {
    mode: 'filled',
    title: '',
    status: count > 0 ? i18n.t('autofill.filled', count, [count]) : i18n.t('autofill.nothingFilled'),
    draft: null,
    offerItems: [],
    rows: count > 0 ? [{ action: { kind: 'undo' }, text: i18n.t('autofill.undo'), detail: '' }] : [],
    active: -1,
    highlights: [],
  };
}
