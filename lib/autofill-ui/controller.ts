/**
 * The in-page suggestions (issue 13), injected on the first focus of a fillable field: it
 * classifies the page's fields, asks the background for masked previews, shows the popup
 * on a hardened {@link Surface}, and acts on trusted picks only. Keys follow the WAI-ARIA
 * combobox pattern with focus kept in the field (./keys.ts).
 */
import {
  frameAllowsFill,
  isQuestionField,
  whyNotFillable,
  type ClassifiedField,
  type FillableElement,
} from '@/lib/autofill';
import type { ProfileSuggestion, SaveOffer } from '@/lib/messaging';
import { isFillableTarget } from '@/lib/page';
import { askWith, type Ask, type PageRuntime } from './ask';
import { ComboboxAria } from './combobox-aria';
import { Listeners, deepActiveElement, hiddenFromUser, nextFrame } from './dom';
import { DraftFlow } from './draft-flow';
import { FillFlow } from './fill-flow';
import { PageFields, isSuggestible, sectionChanges } from './fields';
import { comboboxKey } from './keys';
import type { PopupHandlers, PopupModel, PopupView, RowAction } from './model';
import { submittedValues } from './offer';
import { OfferFlow } from './offer-flow';
import { filledModel, offersSomething, suggestModel, suggestionRows } from './rows';
import { Surface } from './surface';
import type { ShadowRootOf } from './surface-checks';
import { i18n } from '@/lib/i18n';

/** What the controller needs: the frame's window, the runtime to reach the background, and the view. */
export interface ControllerDeps {
  win: Window & typeof globalThis;
  runtime: PageRuntime;
  /** Draws the popup into the surface's closed shadow root (entrypoints/autofill/). */
  createView(root: ShadowRoot, handlers: PopupHandlers): PopupView;
  /** Reaches closed shadow roots (`chrome.dom`), where a page could hide a veil over the popup. */
  shadowRootOf?: ShadowRootOf;
}

/** Modes that stay when focus moves: a draft being read, an offer waiting for an answer. */
const STICKY: readonly PopupModel['mode'][] = ['draft', 'offer'];

/** One frame's form suggestions: focus, popup, picks, fills, drafts and the save offer. */
export class AutofillController {
  private readonly doc: Document;
  private readonly ask: Ask;
  private readonly surface: Surface;
  private readonly view: PopupView;
  private readonly fields: PageFields;
  private readonly aria = new ComboboxAria();
  private readonly draft: DraftFlow;
  private readonly listeners: Listeners;
  private model: PopupModel | null = null;
  private anchor: FillableElement | null = null;
  private field: ClassifiedField | null = null;
  /** Section fields the "Fill the whole section" row would change, for its preview outline. */
  private changes: FillableElement[] = [];
  private readonly fills: FillFlow;
  /** Masked previews per set of tokens, from the last answer (masked only: nothing to steal). */
  private readonly previews = new Map<string, ProfileSuggestion[]>();
  private readonly offers: OfferFlow;
  /** Fields the user typed in (trusted input): only their values are offered for saving. */
  private readonly typed = new WeakSet<EventTarget>();
  private generation = 0;

  constructor(private readonly deps: ControllerDeps) {
    this.doc = deps.win.document;
    this.ask = askWith(deps.runtime);
    this.listeners = new Listeners(deps.win);
    this.surface = new Surface(deps.win, {
      onWithdraw: () => this.close(),
      anchorHidden: () => this.anchor !== null && hiddenFromUser(this.anchor),
      shadowRootOf: deps.shadowRootOf,
    });
    this.view = deps.createView(this.surface.root, {
      pick: (index, event) => {
        if (this.surface.acceptsPointer(event)) void this.pick(index);
      },
      hover: (index) => this.setActive(index),
    });
    this.fields = new PageFields(this.doc, this.surface.root.host);
    this.draft = new DraftFlow(deps.runtime, (model) => this.show(model));
    this.fills = new FillFlow(this.ask);
    this.offers = new OfferFlow(
      this.ask,
      (model) => this.show(model, null),
      () => this.close(),
    );
  }

  /** Starts listening, shows the popup for the field that was just focused, and any save offer waiting for this page. */
  start(): void {
    const on = this.listeners;
    on.add('focusin', (e) => {
      // A page can dispatch a focus event of its own: only the browser's count.
      if (e.isTrusted) void this.focus(e.composedPath()[0]);
    });
    on.add('focusout', (e) => {
      if (e.isTrusted && e.composedPath()[0] === this.anchor && !this.sticky()) this.close();
    });
    on.add('keydown', (e) => this.key(e));
    on.add('input', (e) => {
      if (!e.isTrusted) return;
      const target = e.composedPath()[0];
      if (target) this.typed.add(target);
      if (target === this.anchor && !this.sticky()) this.close();
    });
    on.add('submit', (e) => this.submitted(e));
    on.add('scroll', () => this.render(), { passive: true });
    on.add('resize', () => this.render(), { passive: true });
    void this.focus(deepActiveElement(this.doc));
    void this.ask({ type: 'autofill/offer' }).then((reply) => this.showOffer(reply?.offer));
  }

  /** Stops everything ("Don't suggest on this site"). */
  stop(): void {
    this.close();
    this.listeners.removeAll();
    this.fields.stop();
  }

  private sticky(): boolean {
    return this.model !== null && STICKY.includes(this.model.mode);
  }

  private async focus(target: EventTarget | null | undefined): Promise<void> {
    if (this.sticky() || !isFillableTarget(target) || !frameAllowsFill(this.deps.win)) return;
    const element = target;
    const generation = ++this.generation;
    // The popup of the last field could cover this section's fields, which would then count as covered.
    if (element !== this.anchor) this.surface.hide();
    const field = this.fields.of(element);
    const question = field ? isQuestionField(field) : false;
    if (!field || (!isSuggestible(field) && !question) || whyNotFillable(element) !== null) return this.close();
    const section = isSuggestible(field) ? this.fields.sectionOf(field) : [];
    this.field = field;
    const current = () => generation === this.generation && deepActiveElement(this.doc) === element;
    const draw = (profiles: readonly ProfileSuggestion[], visible: boolean) => {
      const first = profiles[0];
      const check = visible ? { ignore: this.surface.root.host } : null;
      this.changes = first ? sectionChanges(section, (token) => Boolean(first.previews[token]), element, check) : [];
      const rows = suggestionRows({ field, section, profiles, question, sectionChanges: this.changes.length });
      if (!offersSomething(rows)) return this.close();
      const active = this.model?.mode === 'suggest' && this.anchor === element ? this.model.active : -1;
      this.show(suggestModel(rows, active), element);
    };
    // Previews seen before are drawn at once; the background's fresh answer redraws if it differs,
    // and after the first frame the section count keeps only the fields the fill rules allow.
    const tokens = [...new Set([field, ...section].filter(isSuggestible).map((f) => f.token))].sort();
    const key = tokens.join(' ');
    const known = this.previews.get(key);
    if (known && current()) draw(known, false);
    // Asked even for a question field with no tokens: the answer says whether suggestions are on here.
    const reply = await this.ask({ type: 'autofill/suggest', tokens });
    if (reply && !reply.on) return this.stop();
    if (!current()) return;
    const fresh = reply?.profiles ?? [];
    this.previews.set(key, fresh);
    if (!known || JSON.stringify(known) !== JSON.stringify(fresh)) draw(fresh, false);
    await nextFrame(this.deps.win);
    if (current() && this.model?.mode === 'suggest') draw(fresh, true);
  }

  /** Shows `model` anchored to `anchor` (null: the viewport's corner; undefined: where it is). */
  private show(model: PopupModel, anchor: FillableElement | null | undefined = undefined): void {
    if (anchor !== undefined && anchor !== this.anchor) {
      this.aria.release();
      this.anchor = anchor;
    }
    // A redraw of the same rows (a draft streaming) keeps the row the keyboard is on; new rows
    // start the 500 ms again, so a click meant for Stop cannot land on the Insert that replaced it.
    const same = this.model !== null && sameRows(this.model, model);
    if (same && model.active < 0) model.active = this.model!.active;
    this.model = model;
    this.surface.show(this.anchor);
    if (!same) this.surface.rearm();
    this.render();
    // The page may already hide the field or cover the popup: then it is withdrawn after its
    // first frame (a click could not act on it before 500 ms anyway), so focus-to-popup stays fast.
    void nextFrame(this.deps.win).then(() => this.surface.shown && this.surface.check());
  }

  private render(): void {
    if (!this.model) return;
    const active = this.model.rows[this.model.active];
    this.model.highlights =
      active?.action.kind === 'section' ? this.changes.map((el) => el.getBoundingClientRect()) : [];
    this.view.render(this.model);
    if (this.anchor) this.aria.hold(this.anchor, this.surface.root.host);
    this.surface.place();
  }

  private close(): void {
    this.generation++;
    this.offers.closed();
    this.draft.cancel();
    this.aria.release();
    this.surface.hide();
    this.model = null;
    this.anchor = null;
  }

  private setActive(index: number): void {
    if (!this.model || index === this.model.active) return;
    this.model.active = index;
    this.render();
  }

  private key(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const target = event.composedPath()[0];
    const model = this.model;
    // The save offer has no field: it takes keys while nothing else on the page has focus.
    const page = target === this.doc.body || target === this.doc.documentElement;
    if (!model || (target !== this.anchor && !(this.anchor === null && page))) {
      // ↓ in a field reopens its popup, as in the browser's own autofill.
      if (!model && event.key === 'ArrowDown' && !event.altKey && !event.ctrlKey && !event.metaKey)
        void this.focus(target);
      return;
    }
    const action = comboboxKey(event.key, model.rows.length, model.active);
    if (!action) return;
    if (action.kind !== 'leave') {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    if (action.kind === 'move') this.setActive(action.to);
    else if (action.kind === 'pick') {
      if (this.surface.acceptsKey(event)) void this.pick(action.index);
    } else this.close();
  }

  private async pick(index: number): Promise<void> {
    const row = this.model?.rows[index];
    if (row) await this.act(row.action);
  }

  private async act(action: RowAction): Promise<void> {
    const { anchor, field } = this;
    switch (action.kind) {
      case 'profile':
      case 'section':
        if (anchor && field)
          await this.fill(action.profileId, action.kind === 'section' ? this.fields.sectionOf(field) : [field], anchor);
        return;
      case 'undo': {
        const restored = this.fills.undo();
        if (this.model)
          this.show({ ...filledModel(0), status: i18n.t(restored ? 'autofill.undone' : 'autofill.nothingFilled') });
        return;
      }
      case 'site-off':
        await this.ask({ type: 'autofill/site-off' });
        this.stop();
        return;
      case 'offer':
        if (this.model) await this.offers.answer(action.answer, this.model);
        return;
      default:
        if (anchor && field) this.draft.act(action, anchor, field);
        if (action.kind === 'insert' || action.kind === 'discard') this.close();
    }
  }

  private async fill(profileId: string, fields: ClassifiedField[], anchor: FillableElement): Promise<void> {
    const count = await this.fills.fill(profileId, fields, anchor, () => {
      if (this.anchor !== anchor) return false;
      // Off the page before writing: the popup covers fields, and a covered field is never filled.
      this.surface.hide();
      return true;
    });
    if (count !== null) this.show(filledModel(count));
  }

  private submitted(event: Event): void {
    if (!event.isTrusted || !(event.target instanceof HTMLFormElement)) return;
    const values = submittedValues(this.fields.inForm(event.target), (element) => this.typed.has(element));
    if (values.length === 0) return;
    void this.ask({ type: 'autofill/submitted', values }).then((reply) => this.showOffer(reply?.offer));
  }

  private showOffer(offer: SaveOffer | null | undefined): void {
    if (!offer) return;
    this.close();
    this.offers.present(offer);
  }
}

function sameRows(a: PopupModel, b: PopupModel): boolean {
  return a.mode === b.mode && a.rows.map((r) => r.action.kind).join() === b.rows.map((r) => r.action.kind).join();
}
