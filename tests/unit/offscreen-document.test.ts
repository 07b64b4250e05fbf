import { describe, expect, test } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { freshDatabase } from './helpers/database';
import { ensureOffscreenDocument, handleBackgroundMessage, type OffscreenApis } from '@/lib/background';

const ID = 'jkhnioojjpleefdmddbnookfbdhdcmki';
const ORIGIN = `chrome-extension://${ID}`;

/** The offscreen document as `runtime.getContexts` describes it. */
const OFFSCREEN_CONTEXT: Browser.runtime.ExtensionContext = {
  contextId: 'c1',
  contextType: 'OFFSCREEN_DOCUMENT',
  documentUrl: `${ORIGIN}/offscreen.html`,
  frameId: 0,
  incognito: false,
  tabId: -1,
  windowId: -1,
};

/** A Chrome that, like the real one, allows one offscreen document and is slow to create it. */
function fakeChrome() {
  let documents = 0;
  let creates = 0;
  const apis: OffscreenApis = {
    runtime: {
      getURL: (path) => `${ORIGIN}${path}`,
      getContexts: async () => Array.from({ length: documents }, () => OFFSCREEN_CONTEXT),
    },
    offscreen: {
      async createDocument({ url, reasons }) {
        creates++;
        expect(url).toBe(`${ORIGIN}/offscreen.html`);
        expect(reasons).toEqual(['WORKERS']);
        await new Promise((r) => setTimeout(r, 20));
        if (documents > 0) throw new Error('Only a single offscreen document may be created.');
        documents++;
      },
    },
  };
  return { apis, documents: () => documents, creates: () => creates, close: () => void (documents = 0) };
}

describe('ensureOffscreenDocument', () => {
  test('ten concurrent callers make exactly one document', async () => {
    const chrome = fakeChrome();
    await Promise.all(Array.from({ length: 10 }, () => ensureOffscreenDocument(chrome.apis)));
    expect(chrome.documents()).toBe(1);
    expect(chrome.creates()).toBe(1);
  });

  test('later callers reuse it; after it is gone, it is made again', async () => {
    const chrome = fakeChrome();
    await ensureOffscreenDocument(chrome.apis);
    await ensureOffscreenDocument(chrome.apis);
    expect(chrome.creates()).toBe(1);
    chrome.close();
    await ensureOffscreenDocument(chrome.apis);
    expect(chrome.creates()).toBe(2);
  });

  test('a document made by another context in between counts as success', async () => {
    const chrome = fakeChrome();
    const original = chrome.apis.offscreen.createDocument;
    chrome.apis.offscreen.createDocument = async (p) => {
      await original(p); // someone else's
      await original(p); // ours, refused
    };
    await expect(ensureOffscreenDocument(chrome.apis)).resolves.toBeUndefined();
    expect(chrome.documents()).toBe(1);
  });
});

describe('handleBackgroundMessage', () => {
  const context = () => ({
    apis: fakeChrome().apis,
    extensionId: ID,
    autofill: { apis: fakeBrowser, db: freshDatabase() },
  });
  const page = { id: ID, url: `${ORIGIN}/options.html` };
  const content = { id: ID, url: 'https://example.com/', tab: { id: 1 } };

  test('ensures the engine for our pages only, not for content scripts', async () => {
    expect(await handleBackgroundMessage({ type: 'engine/ensure' }, page, context())).toEqual({ ok: true });
    const ctx = context();
    let created = false;
    ctx.apis.offscreen.createDocument = () => ((created = true), Promise.resolve());
    expect(await handleBackgroundMessage({ type: 'engine/ensure' }, content, ctx)).toEqual({
      ok: false,
      error: 'Only Edgewise’s own pages may start its engine.',
    });
    expect(created).toBe(false);
  });

  test('refuses other senders and unknown messages without throwing', async () => {
    expect(
      await handleBackgroundMessage({ type: 'engine/ensure' }, { id: 'other', url: 'https://x/' }, context()),
    ).toMatchObject({ ok: false });
    expect(await handleBackgroundMessage({ type: 'nope' }, page, context())).toEqual({
      ok: false,
      error: 'Unknown request.',
    });
    expect(await handleBackgroundMessage({ type: 'engine/ensure', extra: 1 }, page, context())).toMatchObject({
      ok: false,
    });
  });

  test('a failure to create the document is reported, not thrown', async () => {
    const ctx = context();
    ctx.apis.offscreen.createDocument = () => Promise.reject(new Error('quota'));
    expect(await handleBackgroundMessage({ type: 'engine/ensure' }, page, ctx)).toEqual({
      ok: false,
      error: 'Could not start the model engine: quota',
    });
  });
});
