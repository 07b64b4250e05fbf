/**
 * The chat view's state (lib/panel/chat.ts and chat-sessions.ts) with the real engine and
 * model gate in Node, WXT's fake browser for tabs and storage.session, and a stand-in
 * page reader.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ExtractedPage } from '@/lib/extract';
import { BuiltInAi } from '@/lib/builtin';
import {
  BuiltInService,
  ChatHistory,
  ChatPanel,
  CloudConsent,
  TabWatcher,
  createPanelBus,
  type PanelBus,
} from '@/lib/panel';
import { getThread } from '@/lib/store';
import { ECHO_MODEL } from './helpers/node-engine';
import { startPanelServices, type PanelServices } from './helpers/panel-services';

const URL_A = 'https://example.com/tides';

let p: PanelServices;
let bus: PanelBus;
let tabs: TabWatcher;
let chat: ChatPanel;
let reads: number;
/** What the engine holds in memory, as the panel's engine link would say. */
let loaded: string | null;
const saved: string[] = [];

function pageAt(url: string): ExtractedPage {
  return {
    title: 'Tides',
    url,
    byline: '',
    lang: 'en',
    text: 'High tide comes at six forty.',
    wordCount: 6,
    source: 'article',
    capped: null,
    secretFields: false,
    ms: 1,
  };
}

/** URLs the chat handed to page memory (pages whose text went to the model). */
const remembered: string[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  // The panel's window (the fake browser starts with none focused).
  await fakeBrowser.windows.create({ focused: true });
  p = await startPanelServices();
  bus = createPanelBus();
  saved.length = 0;
  remembered.length = 0;
  reads = 0;
  loaded = null;
  bus.on('threadSaved', ({ threadId }) => saved.push(threadId));
  tabs = new TabWatcher({
    tabs: fakeBrowser.tabs,
    windows: fakeBrowser.windows,
    ownOrigin: 'chrome-extension://x/',
    bus,
  });
  chat = new ChatPanel({
    db: p.node.db,
    session: fakeBrowser.storage.session,
    gate: p.gate,
    consent: new CloudConsent({ db: p.node.db }),
    // No built-in AI in Node: this browser "has none".
    builtIn: new BuiltInService(new BuiltInAi(null)),
    engine: () => p.node.engine,
    readPage: async (tabId) => {
      reads++;
      const tab = await fakeBrowser.tabs.get(tabId);
      return pageAt(tab.url ?? '');
    },
    remember: (page) => void remembered.push(page.url),
    tabs,
    bus,
    loadedModel: () => loaded,
  });
  tabs.start();
  chat.start();
});
afterEach(async () => {
  chat.close();
  tabs.close();
  await p.close();
});

const state = () => chat.state.value;

/** Opens `url` in a new active tab and waits until the chat shows its conversation. */
async function openTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url, active: true });
  await expect.poll(() => state().tab?.tabId).toBe(tab.id);
  await expect.poll(() => state().conversation).not.toBeNull();
  return tab.id!;
}

describe('the chat follows the active tab', () => {
  test('each tab shows its own conversation, and how much page there is', async () => {
    const first = await openTab(URL_A);
    await expect.poll(() => state().page).toEqual({ state: 'ready', words: 6, capped: false });
    const a = state().conversation!;
    const second = await openTab('https://example.com/other');
    expect(second).not.toBe(first);
    expect(state().conversation).not.toBe(a);
    expect(state().conversation!.snapshot.thread.url).toBe('https://example.com/other');
  });

  test('a page flipping its title is read again once, after the title settles', async () => {
    const tabId = await openTab(URL_A);
    await expect.poll(() => state().page?.state).toBe('ready');
    const before = reads;
    const tab = await fakeBrowser.tabs.get(tabId);
    for (let i = 0; i < 50; i++) {
      const title = `(${i}) Tides`;
      await fakeBrowser.tabs.onUpdated.trigger(tabId, { title }, { ...tab, title, active: true });
    }
    expect(state().tab?.title).toBe('(49) Tides');
    expect(state().page).toEqual({ state: 'ready', words: 6, capped: false }); // the count stays on screen
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(reads - before).toBe(1);
  });
});

describe('asking', () => {
  test('without the model the answer fails with a clear message and nothing is fetched', async () => {
    await openTab(URL_A);
    await state().conversation!.send('When is high tide?');
    const answer = state().conversation!.snapshot.thread.messages.at(-1)!;
    expect(answer).toMatchObject({
      role: 'assistant',
      status: 'error',
      error: expect.stringMatching(/not downloaded/),
    });
    expect(p.node.hub.requests).toEqual([]);
  });

  test('the question and the page go through the gate and the answer stream, and the thread is saved', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    const conversation = state().conversation!;
    await conversation.send('When is high tide?');
    const { thread } = conversation.snapshot;
    const answer = thread.messages.at(-1)!;
    expect(answer.status).toBe('complete');
    expect(answer.modelId).toBe(ECHO_MODEL);
    expect(answer.text).toContain('When is high tide?');
    expect(answer.context?.mode).toBe('whole');
    expect(await getThread(p.node.db, thread.id)).toEqual(thread);
    expect(saved).toContain(thread.id);
    expect(state().loading).toBeNull();
  });

  test('with the page toggle off, the page is not read for the question', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    await expect.poll(() => state().page?.state).toBe('ready');
    const before = reads;
    chat.setUseContext(false);
    await state().conversation!.send('Hello there');
    expect(reads).toBe(before);
    expect(state().conversation!.snapshot.thread.messages.at(-1)!.context?.mode).toBe('none');
  });
});

describe('new chat', () => {
  test('starts an empty thread for the same page; the old one stays in history, and a new panel shows the new one', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    const first = state().conversation!;
    await first.send('First question');
    const firstId = first.snapshot.thread.id;

    chat.newChat();
    await expect.poll(() => state().conversation?.snapshot.thread.id ?? firstId).not.toBe(firstId);
    const second = state().conversation!;
    expect(second.snapshot.thread).toMatchObject({ url: URL_A, messages: [] });
    await second.send('Second question');
    expect(await getThread(p.node.db, firstId)).toMatchObject({ url: URL_A });
    expect((await getThread(p.node.db, second.snapshot.thread.id))?.messages[0]?.text).toBe('Second question');

    // A panel opened later finds the tab's new thread, not the first.
    const again = new ChatPanel({
      db: p.node.db,
      session: fakeBrowser.storage.session,
      gate: p.gate,
      consent: new CloudConsent({ db: p.node.db }),
      builtIn: new BuiltInService(new BuiltInAi(null)),
      remember: (page) => void remembered.push(page.url),
      engine: () => p.node.engine,
      readPage: async (tabId) => pageAt((await fakeBrowser.tabs.get(tabId)).url ?? ''),
      tabs,
      bus,
      loadedModel: () => loaded,
    });
    again.start();
    await expect.poll(() => again.state.value.conversation?.snapshot.thread.id).toBe(second.snapshot.thread.id);
    again.close();
  });

  test('from a thread opened in history, it goes back to the tab with an empty chat', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    await state().conversation!.send('First question');
    const id = state().conversation!.snapshot.thread.id;
    chat.openFromHistory(id);
    await expect.poll(() => state().historyThreadId).toBe(id);
    chat.newChat();
    await expect.poll(() => state().conversation?.snapshot.thread.messages.length).toBe(0);
    expect(state().historyThreadId).toBeNull();
  });
});

describe('a long draft', () => {
  test('is measured with the model in memory, and never loads one to measure', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    await p.node.engine.unload();
    chat.measureDraft('x'.repeat(5000));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(state().draft).toBeNull();
    expect((await p.node.engine.status()).state).toBe('idle');

    await state().conversation!.send('Load it, please.');
    loaded = ECHO_MODEL;
    chat.measureDraft('x'.repeat(5000));
    await expect.poll(() => state().draft).toMatchObject({ fits: false, limit: expect.any(Number) });
    chat.measureDraft('short');
    expect(state().draft).toBeNull();
  });
});

describe('a follow-up on a summary', () => {
  test('starts a chat about the same page that begins with the summary', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    expect(chat.canFollowUp('https://example.com/elsewhere')).toBe(false);
    expect(chat.canFollowUp(`${URL_A}#tides`)).toBe(true);
    chat.followUp({ url: URL_A, text: '- High tide at 6:40.', modelId: ECHO_MODEL });
    await expect.poll(() => state().conversation?.snapshot.thread.messages.length).toBe(2);
    const conversation = state().conversation!;
    expect(conversation.snapshot.thread.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'Summarize this page.'],
      ['assistant', '- High tide at 6:40.'],
    ]);
    await conversation.send('And low tide?');
    const saved = await getThread(p.node.db, conversation.snapshot.thread.id);
    expect(saved?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });
});

describe('history', () => {
  test('a thread deleted in history is forgotten by the open chat, which starts a new one', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    const conversation = state().conversation!;
    await conversation.send('When is high tide?');
    const id = conversation.snapshot.thread.id;
    const history = new ChatHistory(p.node.db, bus);
    await history.remove(id);
    await expect.poll(() => state().conversation?.snapshot.thread.id ?? id).not.toBe(id);
    expect(state().conversation!.snapshot.thread.messages).toEqual([]);
    expect(await getThread(p.node.db, id)).toBeUndefined();
  });

  test('a thread opened from history is shown until the user goes back to the tab', async () => {
    await p.gate.accept(ECHO_MODEL);
    await openTab(URL_A);
    await state().conversation!.send('First question');
    const id = state().conversation!.snapshot.thread.id;
    await openTab('https://example.com/other');
    chat.openFromHistory(id);
    await expect.poll(() => state().conversation?.snapshot.thread.id).toBe(id);
    expect(state().historyThreadId).toBe(id);
    const shown = state().conversation;
    chat.openFromHistory(id);
    expect(state().conversation).toBe(shown); // the same live copy, not a second one from the database
    chat.leaveHistory();
    await expect.poll(() => state().conversation?.snapshot.thread.url).toBe('https://example.com/other');
    chat.openFromHistory(id);
    await expect.poll(() => state().conversation).toBe(shown);
  });
});
