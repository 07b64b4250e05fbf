import { Window } from 'happy-dom';
import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForPageRequests } from '@/lib/page';

/** Delivers a message to the content script's listener as Chrome would, and collects its answer. */
async function ask(message: unknown, senderId = fakeBrowser.runtime.id): Promise<unknown[]> {
  const answers: unknown[] = [];
  const results = await fakeBrowser.runtime.onMessage.trigger(message, { id: senderId }, (answer: unknown) =>
    answers.push(answer),
  );
  // Each listener's result may itself be a promise (an async reply): wait for all of them.
  for (const result of results) await result;
  return answers;
}

describe('content script page requests', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    const window = new Window({ url: 'https://news.example/story?id=7' });
    window.document.write('<html lang="fr"><head><title>  Un article  </title></head><body>x</body></html>');
    listenForPageRequests(fakeBrowser.runtime, window.document as unknown as Document);
  });

  test('describes the page to the extension', async () => {
    expect(await ask({ type: 'page/describe' })).toEqual([
      { title: 'Un article', url: 'https://news.example/story?id=7', lang: 'fr' },
    ]);
  });

  test('ignores unknown or padded requests, and other senders', async () => {
    expect(await ask({ type: 'page/describe', extra: true })).toEqual([]);
    expect(await ask({ type: 'page/steal-cookies' })).toEqual([]);
    expect(await ask({ type: 'page/describe' }, 'another-extension')).toEqual([]);
  });
});
