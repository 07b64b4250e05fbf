/** Changes settings the way a user does: through the options page form. */
import type { Launched } from './browser';

export interface SettingsChange {
  modelHost?: string;
  /** Any hub id; typed into the "another model" field. */
  modelId?: string;
}

export async function configure(browser: Launched, change: SettingsChange): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  if (change.modelHost) await page.locator('#model-host').fill(change.modelHost);
  if (change.modelId) await page.locator('#custom-model').fill(change.modelId);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const status = page.locator('#save-status').filter({ hasText: /\S/ });
  await status.waitFor();
  const text = await status.textContent();
  await page.close();
  if (text !== 'Saved.') throw new Error(`Saving settings failed: ${text}`);
}

export function setModelHost(browser: Launched, host: string): Promise<void> {
  return configure(browser, { modelHost: host });
}
