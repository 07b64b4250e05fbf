/**
 * A spec's starting point for models, set by each test that needs one rather than left
 * by an earlier test: a model already downloaded (as the user would have, once), or none.
 * Both go through an extension page, the way the panel's model manager does.
 */
import type { Launched } from './browser';
import { extensionPageProbe } from './probe';

async function withAdminProbe<T>(
  browser: Launched,
  run: (probe: Awaited<ReturnType<typeof extensionPageProbe>>) => Promise<T>,
) {
  const page = await browser.openExtensionPage('/options.html');
  try {
    return await run(await extensionPageProbe(page));
  } finally {
    await page.close();
  }
}

/** Makes sure `modelId` is stored whole (downloads what is missing; a no-op when it is). */
export async function ensureModel(browser: Launched, modelId: string): Promise<void> {
  await withAdminProbe(browser, async (probe) => {
    const stored = (await probe.call('listCached')).find((m) => m.modelId === modelId);
    if (stored?.complete) return;
    const { error } = await probe.call('download', modelId);
    if (error) throw new Error(`Could not download ${modelId}: ${error}`);
  });
}

/** Makes sure nothing of `modelId` is stored (unloading it if it is loaded). */
export async function removeModel(browser: Launched, modelId: string): Promise<void> {
  await withAdminProbe(browser, (probe) => probe.call('deleteCached', modelId));
}
