/** Changes settings the way a user does: through the options page form. */
import type { Launched } from './browser';

export async function setModelHost(browser: Launched, host: string): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  await page.locator('#model-host').fill(host);
  await page.getByRole('button', { name: 'Save' }).click();
  const status = page.locator('#save-status').filter({ hasText: /\S/ });
  await status.waitFor();
  const text = await status.textContent();
  await page.close();
  if (text !== 'Saved.') throw new Error(`Saving the model host failed: ${text}`);
}
