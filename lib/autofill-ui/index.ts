/**
 * The in-page half of form autofill (issue 13): injected on demand, it runs one
 * {@link AutofillController} per frame.
 */
import { AutofillController, type ControllerDeps } from './controller';

export type { PageRuntime } from './ask';
export type { PopupHandlers, PopupModel, PopupRow, PopupView, RowAction } from './model';
export { AutofillController, type ControllerDeps } from './controller';

/** Set on the isolated world's window once the controller runs, so a second injection does nothing. */
const STARTED = Symbol.for('edgewise.autofill');

/** Starts the suggestions in `deps.win`'s frame, once however often the script is injected. */
export function startAutofill(deps: ControllerDeps): void {
  if (Reflect.get(deps.win, STARTED)) return;
  Reflect.set(deps.win, STARTED, true);
  new AutofillController(deps).start();
}
