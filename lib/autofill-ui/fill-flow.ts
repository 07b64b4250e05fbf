/**
 * A pick's fill (issue 13, "Filling"): the values for the picked fields, asked of the
 * background only now, written where the fill rules allow, and the last fill kept for Undo.
 */
import {
  applyFill,
  planFill,
  undoFill,
  type ClassifiedField,
  type FillRecord,
  type FillableElement,
} from '@/lib/autofill';
import type { Ask } from './ask';
import { maxLengthOf } from './dom';
import { coveredByOverlay } from './overlay';

/** Fills from a profile and undoes the last fill. */
export class FillFlow {
  private last: FillRecord | null = null;

  constructor(private readonly ask: Ask) {}

  /**
   * Fills `fields` (`target`, the field picked in, even when it is not empty) from profile
   * `profileId`; `ready` says whether to go on once the values are here (the popup may have
   * moved on), and runs just before writing. Returns how many fields were written, or null.
   */
  async fill(
    profileId: string,
    fields: readonly ClassifiedField[],
    target: FillableElement,
    ready: () => boolean,
  ): Promise<number | null> {
    const reply = await this.ask({
      type: 'autofill/values',
      profileId,
      fields: fields.map((f) => ({ token: f.token, ...maxLengthOf(f.element) })),
    });
    if (!reply || !ready()) return null;
    const values = new Map(fields.map((f, i) => [f, reply.values[i] ?? null]));
    const steps = planFill(fields, (f) => values.get(f) ?? null, { target });
    const record = applyFill(steps.filter((step) => !coveredByOverlay(step.field.element)));
    if (record.entries.length > 0) this.last = record;
    return record.entries.length;
  }

  /** Puts back what the last fill changed; returns how many fields were restored. */
  undo(): number {
    const restored = this.last ? undoFill(this.last) : 0;
    this.last = null;
    return restored;
  }
}
