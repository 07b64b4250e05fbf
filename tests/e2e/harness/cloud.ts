/** Drives the cloud provider parts of the panel (issue 14) the way a person does. */
import type { Page } from 'playwright-core';
import { showView } from './chat';

export interface ProviderForm {
  name: string;
  baseUrl: string;
  model: string;
  key?: string;
}

/** Fills the Settings view's cloud provider form and saves it (and the key, when given). */
export async function setUpProvider(panel: Page, form: ProviderForm): Promise<void> {
  await showView(panel, 'Settings');
  const saves = Number((await panel.getByTestId('settings-status').getAttribute('data-saves')) ?? 0);
  await panel.locator('#cloud-name').fill(form.name);
  await panel.locator('#cloud-base-url').fill(form.baseUrl);
  await panel.locator('#cloud-model').fill(form.model);
  await panel.getByTestId('cloud-save').click();
  await panel.waitForFunction(
    (before) => Number(document.querySelector('[data-testid="settings-status"]')?.getAttribute('data-saves')) > before,
    saves,
  );
  if (form.key) {
    await panel.locator('#cloud-key:not([disabled])').fill(form.key);
    await panel.getByRole('button', { name: 'Save key', exact: true }).click();
    await panel.getByTestId('cloud-key-state').filter({ hasText: 'A key is saved for' }).waitFor();
  }
  await showView(panel, 'Chat');
}

/** What the consent sheet shows, once it is open. */
export async function readConsentSheet(panel: Page) {
  const sheet = panel.getByTestId('consent-sheet');
  await sheet.getByTestId('consent-text').waitFor();
  return {
    title: await sheet.locator('h2').innerText(),
    summary: await sheet.getByTestId('consent-summary').innerText(),
    redactions: await sheet.getByTestId('consent-redactions').innerText(),
    /** Each message exactly as its `<pre>` holds it (textContent: no layout, no trimming). */
    messages: await sheet.getByTestId('consent-message').evaluateAll((els) => els.map((el) => el.textContent ?? '')),
    marks: await sheet.locator('mark').allInnerTexts(),
  };
}

/** Answers the consent sheet. */
export async function decide(panel: Page, choice: 'Send once' | 'Cancel' | RegExp): Promise<void> {
  const sheet = panel.getByTestId('consent-sheet');
  await sheet.getByRole('button', { name: choice }).click();
  await sheet.getByTestId('consent-text').waitFor({ state: 'detached' });
}

/** The Sent view's rows, newest first. */
export async function sentRows(panel: Page) {
  await showView(panel, 'Sent');
  const rows = panel.getByTestId('sent-row');
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({ status: await row.getAttribute('data-status'), text: await row.innerText() });
  }
  await showView(panel, 'Chat');
  return out;
}
