/**
 * "Draft with Edgewise" in the popup (issue 13): the draft streams into a preview inside the
 * closed shadow root, so the page sees nothing until Insert, which puts it into the field as
 * one undoable step. Regenerate writes another; Stop keeps what was written; Discard drops it.
 */
import type { DraftSource } from '@/lib/messaging';
import { insertText } from '@/lib/autofill';
import type { ClassifiedField, FillableElement } from '@/lib/autofill';
import type { PageRuntime } from './ask';
import { requestDraft, type DraftRun } from './draft-client';
import type { DraftView, PopupModel, PopupRow, RowAction } from './model';
import { whereItRan } from '@/lib/answer';
import { i18n } from '@/lib/i18n';

/** One draft at a time in the popup: start, stream, stop, insert or discard. */
export class DraftFlow {
  private run: DraftRun | null = null;
  private current: (DraftView & { stopped: boolean }) | null = null;
  private frame = 0;

  constructor(
    private readonly runtime: PageRuntime,
    private readonly show: (model: PopupModel) => void,
  ) {}

  /** Carries out a draft row: draft, regenerate, stop, insert or discard. */
  act(action: RowAction, anchor: FillableElement, field: ClassifiedField): void {
    switch (action.kind) {
      case 'draft':
      case 'regenerate':
        this.start(field);
        return;
      case 'stop':
        this.run?.stop();
        return;
      case 'insert': {
        const text = this.current?.text.trim();
        if (text) insertText(anchor, text);
        this.cancel();
        return;
      }
      case 'discard':
        this.cancel();
    }
  }

  /** Drops the draft (the popup closed): the port closes, which stops the model. */
  cancel(): void {
    this.run?.close();
    this.run = null;
    this.current = null;
    cancelAnimationFrame(this.frame);
  }

  private start(field: ClassifiedField): void {
    this.cancel();
    const view: DraftView & { stopped: boolean } = {
      text: '',
      busy: true,
      sources: [],
      ranOn: null,
      error: null,
      stopped: false,
    };
    this.current = view;
    const publish = () => {
      if (this.current === view) this.show(draftModel(view));
    };
    this.run = requestDraft(this.runtime, field.label, {
      text: (piece) => {
        view.text += piece;
        // One redraw per frame, however fast the pieces come.
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(publish);
      },
      done: (message) => {
        view.busy = false;
        view.stopped = message.stopped;
        view.sources =
          message.sources.length > 0 ? message.sources.map(describeSource) : [i18n.t('autofill.noSources')];
        view.ranOn = message.origin ? whereItRan(message.origin) : null;
        publish();
      },
      error: (message) => {
        view.busy = false;
        view.error = message;
        publish();
      },
    });
    publish();
  }
}

function describeSource(source: DraftSource): string {
  switch (source.kind) {
    case 'about':
      return i18n.t('autofill.sourceAbout', [source.profileName]);
    case 'page':
      return i18n.t('autofill.sourcePage', [source.title]);
    case 'memory':
      return i18n.t('autofill.sourceMemory', [source.title, new Date(source.visitedAt).toLocaleDateString()]);
  }
}

const row = (action: RowAction, text: string): PopupRow => ({ action, text, detail: '' });

/** The popup for a draft: preview, sources, where it ran, and the rows that fit its state. */
export function draftModel(view: DraftView & { stopped: boolean }): PopupModel {
  const written = view.text.trim().length > 0;
  const rows = view.busy
    ? [row({ kind: 'stop' }, i18n.t('autofill.stop')), row({ kind: 'discard' }, i18n.t('autofill.discard'))]
    : [
        ...(written ? [row({ kind: 'insert' }, i18n.t('autofill.insert'))] : []),
        row({ kind: 'regenerate' }, i18n.t('autofill.regenerate')),
        row({ kind: 'discard' }, i18n.t('autofill.discard')),
      ];
  let status = '';
  if (view.busy) status = i18n.t('autofill.drafting');
  else if (view.error) status = view.error;
  else if (view.stopped) status = i18n.t('autofill.stopped');
  else if (!written) status = i18n.t('autofill.draftEmpty');
  return {
    mode: 'draft',
    title: i18n.t('autofill.draft'),
    status,
    draft: { ...view },
    offerItems: [],
    rows,
    active: -1,
    highlights: [],
  };
}
