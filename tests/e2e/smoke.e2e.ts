import { afterAll, beforeAll, expect, test } from 'vitest';
import { startHub, type Hub } from '../hub/server.mjs';
import { ECHO_MODEL, MODELS_DIR, contentScriptProbe, launchBrowser, setModelHost, startPageServer, type Launched, type PageServer } from './harness';

let hub: Hub;
let pages: PageServer;
let browser: Launched;

beforeAll(async () => {
  hub = await startHub({ root: MODELS_DIR });
  pages = await startPageServer();
  browser = await launchBrowser();
  await setModelHost(browser, hub.url);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await pages?.close();
});

test('smoke', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/article.html`);
  const probe = await contentScriptProbe(page);
  const loaded = await probe.call('load', ECHO_MODEL, { device: 'wasm' });
  console.log(JSON.stringify(loaded).slice(0, 800));
  probe.call('start', { requestId: 'a', messages: [{ role: 'user', content: 'Hello there, general Kenobi.' }], maxNewTokens: 40 });
  const run = await probe.call('wait', 'a');
  console.log(JSON.stringify(run));
  console.log(browser.errors);
  expect(run.result?.text.length).toBeGreaterThan(0);
});
