/**
 * Draws the suggestion popup into its closed shadow root. It only renders: every decision
 * is the controller's (lib/autofill-ui). Text is set as text, never as markup: labels and
 * drafts echo a hostile page. Nodes are kept and patched while the popup's structure stays
 * the same (a draft streaming, a row becoming active), so a click whose press and release
 * straddle a redraw still lands, and the draft keeps its scroll position.
 */
import type { PopupHandlers, PopupModel, PopupView } from '@/lib/autofill-ui';
import { i18n } from '@/lib/i18n';
import css from './popup.css?inline';

/** Creates the view in `root`; pointer presses never take focus from the field. */
export function createPopupView(root: ShadowRoot, handlers: PopupHandlers): PopupView {
  adoptStyles(root);
  const panel = element('div', 'panel');
  const highlights = element('div', 'highlights');
  const announcer = element('div', 'visually-hidden');
  announcer.setAttribute('role', 'status');
  root.append(highlights, panel, announcer);
  panel.addEventListener('mousedown', (event) => event.preventDefault());
  const prefix = `o${Math.random().toString(36).slice(2, 8)}`;
  let shape = '';
  let announced = '';

  return {
    render(model: PopupModel): void {
      const next = shapeOf(model);
      if (next !== shape) {
        build(panel, model, prefix, handlers);
        shape = next;
      }
      patch(panel, model);
      highlights.replaceChildren(
        ...model.highlights.map((box) => {
          const outline = element('div', 'highlight');
          outline.style.cssText = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
          return outline;
        }),
      );
      // ARIA ids cannot reach into a closed shadow root: the active option is also announced.
      const active = model.rows[model.active];
      const said = active ? [active.text, active.detail].filter(Boolean).join(', ') : '';
      if (said !== announced) announcer.textContent = announced = said;
    },
  };
}

/** What decides the popup's nodes: a change here rebuilds them, anything else is patched in place. */
function shapeOf(model: PopupModel): string {
  return [
    model.mode,
    Boolean(model.title),
    Boolean(model.status),
    model.offerItems.length,
    model.draft ? `draft:${model.draft.sources.length}:${Boolean(model.draft.ranOn)}` : '',
    model.rows.map((row) => `${row.action.kind}:${Boolean(row.detail)}`).join(','),
  ].join('|');
}

function build(panel: HTMLElement, model: PopupModel, prefix: string, handlers: PopupHandlers): void {
  panel.replaceChildren();
  panel.dataset.mode = model.mode;
  if (model.title) panel.append(element('p', 'title'));
  if (model.offerItems.length > 0) {
    const list = element('dl', 'items');
    for (let i = 0; i < model.offerItems.length; i++) list.append(element('dt', ''), element('dd', ''));
    panel.append(list);
  }
  if (model.draft) {
    const preview = element('div', 'draft');
    preview.setAttribute('role', 'region');
    preview.setAttribute('aria-label', i18n.t('autofill.draft'));
    panel.append(preview);
    if (model.draft.sources.length > 0) {
      const title = element('p', 'sources-title');
      title.textContent = i18n.t('autofill.sources');
      const sources = element('ul', 'sources');
      for (let i = 0; i < model.draft.sources.length; i++) sources.append(element('li', ''));
      panel.append(title, sources);
    }
    if (model.draft.ranOn) panel.append(element('p', 'ran-on'));
  }
  if (model.status) {
    const status = element('p', 'status');
    status.setAttribute('aria-live', 'polite');
    panel.append(status);
  }
  if (model.rows.length === 0) return;
  const list = element('div', 'list');
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', i18n.t('autofill.listLabel'));
  list.id = `${prefix}-list`;
  model.rows.forEach((row, index) => {
    const option = element('div', `row row-${row.action.kind}`);
    option.id = `${prefix}-${index}`;
    option.setAttribute('role', 'option');
    option.append(element('span', 'text'));
    if (row.detail) option.append(element('span', 'detail'));
    option.addEventListener('click', (event) => handlers.pick(index, event));
    option.addEventListener('pointerenter', () => handlers.hover(index));
    list.append(option);
  });
  panel.append(list);
}

/** Puts the model's text and state into the nodes {@link build} made for its shape. */
function patch(panel: HTMLElement, model: PopupModel): void {
  setText(panel.querySelector('.title'), model.title);
  setText(panel.querySelector('.status'), model.status);
  const items = panel.querySelectorAll('.items dt, .items dd');
  model.offerItems.forEach((item, i) => {
    setText(items[2 * i] ?? null, item.label);
    setText(items[2 * i + 1] ?? null, item.value);
  });
  if (model.draft) {
    const preview = panel.querySelector('.draft');
    setText(preview, model.draft.text);
    preview?.setAttribute('aria-busy', String(model.draft.busy));
    const sources = panel.querySelectorAll('.sources li');
    model.draft.sources.forEach((source, i) => setText(sources[i] ?? null, source));
    setText(panel.querySelector('.ran-on'), model.draft.ranOn ?? '');
  }
  panel.querySelectorAll('[role=option]').forEach((option, i) => {
    const row = model.rows[i];
    if (!row) return;
    setText(option.querySelector('.text'), row.text);
    setText(option.querySelector('.detail'), row.detail);
    option.setAttribute('aria-selected', String(i === model.active));
  });
}

/** Sets text only when it changed: rewriting the same text would reset a scrolled draft. */
function setText(node: Element | null, text: string): void {
  if (node && node.textContent !== text) node.textContent = text;
}

function element(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

/** Constructed style sheets are CSSOM, which a page's CSP does not govern; a `<style>` is the fallback. */
function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
