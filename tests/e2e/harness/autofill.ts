/**
 * Reaching the suggestion popup from tests. It lives in a closed shadow root, which page
 * scripts (and Playwright's selectors) cannot enter; the DevTools protocol can
 * (`DOM.getDocument` with `pierce`), so tests read it as a privileged observer, and click
 * it with real mouse events at its rows' positions.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Launched } from './browser';

/** A stored profile as tests write it (the extension's ProfileRecord). */
export interface TestProfile {
  id: string;
  name: string;
  isDefault: boolean;
  fields: Record<string, string[]>;
  links?: { label: string; url: string }[];
  about?: string;
}

/** Writes `profiles` straight into the extension's IndexedDB (its `profiles` store), replacing any there. */
export async function putProfiles(browser: Launched, profiles: readonly TestProfile[]): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('edgewise');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('profiles', 'readwrite');
      const store = tx.objectStore('profiles');
      store.clear();
      rows.forEach((row, i) =>
        store.put({ links: [], about: '', ...row, createdAt: 1_700_000_000_000 + i, updatedAt: 1_700_000_000_000 + i }),
      );
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, profiles);
  await page.close();
}

/** What the popup shows, read from its closed shadow root. */
export interface PopupSnapshot {
  mode: string;
  title: string;
  status: string;
  rows: { text: string; detail: string; selected: boolean; id: string }[];
  draft: string | null;
  sources: string[];
  ranOn: string;
  items: string[];
  highlights: number;
  /** What the live region last announced (the active option). */
  announced: string;
  /** The host's computed look, as drawn. */
  drawn: { opacity: string; filter: string; visibility: string };
  /** Everything the shadow root holds, as text (to check what the page could not see). */
  text: string;
}

interface ShadowHandle {
  cdp: CDPSession;
  objectId: string;
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

/** The popup's closed shadow root in `page`'s frame tree, or null when no popup is shown. */
async function popupRoot(page: Page): Promise<ShadowHandle | null> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const found = findHost(root);
  if (!found) {
    await cdp.detach();
    return null;
  }
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: found.backendNodeId })) as {
    object: { objectId: string };
  };
  return { cdp, objectId: object.objectId };
}

function findHost(node: DomNode): DomNode | null {
  const attrs = node.attributes ?? [];
  const id = attrs[attrs.indexOf('id') + 1] ?? '';
  if (node.nodeName === 'DIV' && attrs.includes('popover') && id.startsWith('edgewise-')) {
    const shadow = node.shadowRoots?.find((r) => r.shadowRootType === 'closed');
    if (shadow) return shadow;
  }
  for (const child of [...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

async function inRoot<T>(page: Page, fn: string): Promise<T | null> {
  const handle = await popupRoot(page);
  if (!handle) return null;
  try {
    const { result } = (await handle.cdp.send('Runtime.callFunctionOn', {
      objectId: handle.objectId,
      functionDeclaration: fn,
      returnByValue: true,
    })) as { result: { value: T } };
    return result.value;
  } finally {
    await handle.cdp.detach();
  }
}

/** The popup as the user sees it, or null when none is shown in `page` (or its frames). */
export function readPopup(page: Page): Promise<PopupSnapshot | null> {
  return inRoot<PopupSnapshot>(
    page,
    `function () {
      const q = (s) => this.querySelector(s);
      const t = (s) => q(s)?.textContent ?? '';
      return {
        mode: q('.panel')?.dataset.mode ?? '',
        title: t('.title'),
        status: t('.status'),
        rows: [...this.querySelectorAll('[role=option]')].map((o) => ({
          text: o.querySelector('.text')?.textContent ?? '',
          detail: o.querySelector('.detail')?.textContent ?? '',
          selected: o.getAttribute('aria-selected') === 'true',
          id: o.id,
        })),
        draft: q('.draft')?.textContent ?? null,
        sources: [...this.querySelectorAll('.sources li')].map((li) => li.textContent),
        ranOn: t('.ran-on'),
        items: [...this.querySelectorAll('.items dt, .items dd')].map((n) => n.textContent),
        highlights: this.querySelectorAll('.highlight').length,
        announced: t('.visually-hidden[role=status]'),
        drawn: (({ opacity, filter, visibility }) => ({ opacity, filter, visibility }))(getComputedStyle(this.host)),
        text: this.textContent,
      };
    }`,
  );
}

/** Where a row is on screen (page coordinates of the top frame's viewport), by its text. */
export async function rowCentre(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return inRoot<{ x: number; y: number } | null>(
    page,
    `function () {
      const row = [...this.querySelectorAll('[role=option]')].find((o) => o.querySelector('.text')?.textContent === ${JSON.stringify(text)});
      if (!row) return null;
      const r = row.getBoundingClientRect();
      // A popup in a same-origin frame: add the frames' offsets to reach top-level coordinates.
      let x = r.left + r.width / 2;
      let y = r.top + r.height / 2;
      for (let win = this.host.ownerDocument.defaultView; win && win.frameElement; win = win.parent) {
        const frame = win.frameElement.getBoundingClientRect();
        x += frame.left + win.frameElement.clientLeft;
        y += frame.top + win.frameElement.clientTop;
      }
      return { x, y };
    }`,
  );
}

/** Waits for the popup and returns it (fails after `timeout` ms). */
export async function waitForPopup(
  page: Page,
  until: (popup: PopupSnapshot) => boolean = () => true,
  timeout = 10_000,
): Promise<PopupSnapshot> {
  const end = Date.now() + timeout;
  let last: PopupSnapshot | null = null;
  while (Date.now() < end) {
    last = await readPopup(page);
    if (last && until(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No matching popup within ${timeout} ms; last seen: ${JSON.stringify(last)}`);
}

/**
 * Clicks a popup row with a real (trusted) mouse click, `waitMs` after the row is there
 * (the popup ignores clicks within 500 ms of its first paint).
 */
export async function clickRow(page: Page, text: string, waitMs = 600): Promise<void> {
  await waitForPopup(page, (popup) => popup.rows.some((row) => row.text === text));
  await page.waitForTimeout(waitMs);
  const centre = await rowCentre(page, text);
  if (!centre) throw new Error(`No popup row “${text}”`);
  await page.mouse.click(centre.x, centre.y);
}

/** The popup's markup and its style sheet's text, to check a copy of it with axe. */
export function popupMarkup(page: Page): Promise<{ html: string; css: string } | null> {
  return inRoot<{ html: string; css: string }>(
    page,
    `function () {
      const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n')
        + [...this.querySelectorAll('style')].map((s) => s.textContent).join('\\n');
      return { html: [...this.children].filter((c) => c.localName !== 'style').map((c) => c.outerHTML).join(''), css };
    }`,
  );
}
