/**
 * A summary on a machine without the model goes through the same model gate as chat:
 * the same offer (what and how much, nothing fetched before the yes), the same progress
 * with time left and Cancel, and a resume that fetches only what is missing. Then the
 * summary goes on by itself.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { clickMenuItem, configure, finishedSummary, panelRun, startSession, type Session } from './harness';

const MODEL = 'edgewise-test/echo-tiny-1k';
const SLOW = { kind: 'slow', match: 'model.onnx', bytesPerSecond: 400_000 } as const;

let session: Session;
let panel: Page;

beforeAll(async () => {
  session = await startSession();
  await configure(session.browser, { modelId: MODEL });
  panel = await session.browser.openExtensionPage('/sidepanel.html');
});
afterAll(() => session?.close());

const modelFetches = () => session.hub.requests.filter((r) => r.path.includes('/resolve/'));

test('the summary shows chat’s offer, progress with time left and Cancel, then summarizes', async () => {
  const summary = panel.locator('#view-summary');
  const chat = panel.locator('#view-chat');
  const page = await session.openPage('/news.html');
  const run = await panelRun(panel);
  await clickMenuItem(session.browser, 'edgewise-summarize-page', page);

  // The same offer as chat's, naming the model (a model outside the catalog: its size is unknown
  // until the host is asked); nothing fetched yet.
  const offer = summary.getByTestId('model-offer');
  await offer.waitFor();
  await expect(offer.innerText()).resolves.toContain(`${MODEL} (size unknown) is downloaded once`);
  expect(await chat.getByTestId('model-offer').count()).toBe(1);
  expect(modelFetches()).toEqual([]);

  session.hub.setFault(SLOW);
  await offer.getByRole('button', { name: 'Download and summarize (size unknown)' }).click();
  const progress = offer.getByTestId('download-progress');
  await expect
    .poll(async () => ((await progress.count()) ? await progress.innerText() : ''), { timeout: 30_000 })
    .toMatch(/of 2\.\d+ MB \(\d+%\) · (\d+ s|\d+ min) left/);
  // Chat's offer shows the same download, because it is the same one.
  await expect(chat.getByTestId('download-progress').count()).resolves.toBe(1);

  await offer.getByRole('button', { name: 'Cancel download' }).click();
  await expect(offer.getByTestId('download-error').innerText()).resolves.toMatch(/cancelled/);
  const partial = modelFetches().length;

  session.hub.setFault(null);
  session.hub.clearLog();
  await offer.getByRole('button', { name: 'Try again' }).click();
  const result = await finishedSummary(panel, run);
  expect(result.error).toBe('');
  expect(result.coverage).toMatch(/^Summarized all [\d,]+ words/);
  // The resume fetched only the weights: the small files were already stored.
  expect(session.hub.requests.filter((r) => r.method === 'GET').map((r) => r.path.split('/resolve/main/')[1])).toEqual([
    'onnx/model.onnx',
  ]);
  expect(partial).toBeGreaterThan(0);
  await offer.waitFor({ state: 'detached' });
  await chat.getByTestId('model-offer').waitFor({ state: 'detached' });
});
