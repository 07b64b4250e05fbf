/**
 * The model manager in the side panel, against the local hub: a first download with real
 * byte progress, cancel and resume, a dropped connection, deletion, and the model
 * recommended for this device. (Accessibility of every view: tests/e2e/views.e2e.ts.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ECHO_MODEL,
  configure,
  ensureModel,
  removeModel,
  showView,
  startSession,
  storedModelFiles,
  type Session,
} from './harness';

const MODEL_FILES = [
  'config.json',
  'generation_config.json',
  'onnx/model.onnx',
  'tokenizer.json',
  'tokenizer_config.json',
];
const SLOW = { kind: 'slow', match: 'model.onnx', bytesPerSecond: 400_000 } as const;

let session: Session;
let panel: Page;
const row = () => panel.locator(`li.model[data-model="${ECHO_MODEL}"]`);

beforeAll(async () => {
  session = await startSession();
  await configure(session.browser, { modelId: ECHO_MODEL });
  panel = await session.browser.openExtensionPage('/sidepanel.html');
  await showView(panel, 'Models');
  await row().waitFor();
});
afterAll(() => session?.close());

/**
 * Each test's starting point, whatever ran before: no fault, the model stored whole or not
 * at all, and the Models view showing it (reloaded: another context changed the store).
 */
async function startFrom(stored: 'none' | 'complete'): Promise<void> {
  session.hub.setFault(null);
  if (stored === 'none') await removeModel(session.browser, ECHO_MODEL);
  else await ensureModel(session.browser, ECHO_MODEL);
  await panel.reload();
  await showView(panel, 'Models');
  await expect.poll(() => row().getAttribute('data-stored')).toBe(stored);
}

const storedFiles = async () => (await storedModelFiles(panel)).filter((f) => f.modelId === ECHO_MODEL);

describe('model manager', () => {
  test('lists the catalog with sizes for this device, and the custom model', async () => {
    await startFrom('none');
    const names = await panel.locator('li.model strong').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining(['SmolLM2 135M Instruct', 'SmolLM2 360M Instruct', 'Qwen2.5 0.5B Instruct', ECHO_MODEL]),
    );
    // No WebGPU here: WASM, so q8 where the model ships it.
    const smol = panel.locator('li.model[data-model="HuggingFaceTB/SmolLM2-360M-Instruct"]');
    // Plain words first; the jargon (parameters, context, dtype) sits under Details.
    await expect(smol.innerText()).resolves.toMatch(/Runs well on the CPU; no GPU needed\. About 390 MB to download\./);
    await expect(smol.innerText()).resolves.not.toMatch(/q8|parameters/);
    await expect(smol.getByTestId('model-facts').textContent()).resolves.toMatch(
      /360M parameters · 8,192-token context · q8, about 390 MB/,
    );
    await expect(smol.locator('a', { hasText: 'License' }).getAttribute('href')).resolves.toMatch(/LICENSE/);
    // One model is recommended for this device (no WebGPU, plenty of room), with the reason.
    await expect.poll(() => panel.getByTestId('recommended').count()).toBe(1);
    expect(await smol.getByTestId('recommended').innerText()).toBe('Recommended for this device');
    await expect(smol.locator('.recommendation').innerText()).resolves.toMatch(
      /^Without WebGPU, answers run on the CPU/,
    );
    await expect(row().getAttribute('data-stored')).resolves.toBe('none');
    await expect(panel.getByTestId('storage-estimate').innerText()).resolves.toMatch(/Edgewise uses .* available/);
  });

  test('a first download shows real progress (bytes, %, time left), then the model is stored whole', async () => {
    await startFrom('none');
    session.hub.setFault(SLOW);
    await row().getByRole('button', { name: 'Download' }).click();
    const bar = row().locator('progress');
    const seen: number[] = [];
    let etaShown = false;
    await expect
      .poll(
        async () => {
          if (await bar.count()) {
            seen.push(Number(await bar.getAttribute('data-loaded')));
            etaShown ||= /\d+ s left|\d+ min left/.test(await row().getByTestId('download-progress').innerText());
          }
          return row().getAttribute('data-stored');
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe('complete');
    session.hub.setFault(null);
    const distinct = [...new Set(seen)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
    expect(etaShown).toBe(true);
    const files = await storedFiles();
    expect(files.map((f) => f.file).sort()).toEqual(MODEL_FILES);
    for (const file of files) expect(file.storedBytes).toBe(file.size);
    await expect(row().getByTestId('stored-state').innerText()).resolves.toMatch(/^Downloaded · 2\.\d+ MB/);
    // Downloaded, not loaded: nothing sits in memory.
    await expect(panel.getByTestId('engine-status').first().getAttribute('data-state')).resolves.toBe('idle');
  });

  test('deleting the model frees its bytes', async () => {
    await startFrom('complete');
    await row()
      .getByRole('button', { name: `Delete ${ECHO_MODEL} from this device` })
      .click();
    await expect.poll(() => row().getAttribute('data-stored')).toBe('none');
    expect(await storedFiles()).toEqual([]);
  });

  test('cancel keeps the complete files; resume fetches only the rest', async () => {
    await startFrom('none');
    session.hub.setFault(SLOW);
    await row().getByRole('button', { name: 'Download' }).click();
    const bar = row().locator('progress');
    await expect.poll(async () => Number((await bar.count()) && (await bar.getAttribute('value')))).toBeGreaterThan(10);
    await row().getByRole('button', { name: 'Cancel download' }).click();
    await expect(row().getByTestId('download-error').innerText()).resolves.toMatch(/cancelled/);
    await expect.poll(() => row().getAttribute('data-stored')).toBe('partial');
    expect((await storedFiles()).map((f) => f.file)).not.toContain('onnx/model.onnx');

    session.hub.setFault(null);
    session.hub.clearLog();
    await row().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => row().getAttribute('data-stored'), { timeout: 30_000 }).toBe('complete');
    const fetched = session.hub.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.path.split('/resolve/main/')[1]);
    // The small files were complete before the weights started; only the weights are fetched again.
    expect(fetched).toEqual(['onnx/model.onnx']);
    expect((await storedFiles()).map((f) => f.file).sort()).toEqual(MODEL_FILES);
  });

  test('a hub that drops the connection mid-file ends in a clear error and no partial entry', async () => {
    await startFrom('complete');
    await row()
      .getByRole('button', { name: `Delete ${ECHO_MODEL} from this device` })
      .click();
    await expect.poll(() => row().getAttribute('data-stored')).toBe('none');
    session.hub.setFault({ kind: 'truncate', match: 'model.onnx' });
    await row().getByRole('button', { name: 'Download' }).click();
    // In plain words, with the engine's own account one click away.
    await expect(row().getByTestId('download-error').locator('.error').innerText()).resolves.toBe(
      'The connection dropped during the download. Nothing partial was kept; trying again fetches only what is missing.',
    );
    await expect(row().getByTestId('download-error-detail').textContent()).resolves.toMatch(
      /Could not load "edgewise-test\/echo-tiny" .*onnx\/model\.onnx: the download stopped at \d+ of \d+ bytes .*Nothing of this file was saved/,
    );
    session.hub.setFault(null);
    const files = await storedFiles();
    expect(files.map((f) => f.file)).not.toContain('onnx/model.onnx');
    for (const file of files) expect(file.storedBytes).toBe(file.size);
    await expect(row().getAttribute('data-stored')).resolves.toBe('partial');
    await row().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => row().getAttribute('data-stored'), { timeout: 30_000 }).toBe('complete');
  });
});

test('no unhandled errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
