/**
 * Profiles in the real side panel: create, edit and delete them with inline messages that
 * keep what was typed, a card number refused with the reason, and the values still there
 * after the browser restarts (in the form and in the extension's IndexedDB).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readStore, seriousViolations, startSession, type Session } from './harness';

interface StoredProfile {
  id: string;
  name: string;
  isDefault: boolean;
  fields: Record<string, string[]>;
  links: { label: string; url: string }[];
  about: string;
}

let session: Session;
let panel: Page;

async function openProfileView(): Promise<void> {
  panel = await session.browser.openExtensionPage('/sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('tab', { name: 'Profile', exact: true }).click();
  await panel.locator('#view-profile:not([hidden]) .profile-form').waitFor();
}

beforeAll(async () => {
  session = await startSession();
  await openProfileView();
});
afterAll(() => session?.close());

const field = (key: string) => panel.locator(`#profile-field-${key}`);
const message = (key: string) => panel.locator(`#profile-field-${key}-error`);
const status = () => panel.getByTestId('profile-status');
const stored = () => readStore<StoredProfile>(panel, 'profiles');
const save = () => panel.getByRole('button', { name: 'Save profile', exact: true }).click();
const pickerOptions = () => panel.locator('#profile-picker option').allInnerTexts();

test('a bad email is marked where it was typed, the text kept; fixed, the profile saves', async () => {
  expect(await panel.getByTestId('profile-privacy').innerText()).toBe(
    'Your profiles stay on this device. Edgewise never sends them to a page unless you pick one of their values in a form.',
  );
  await field('profile-name').fill('Personal');
  await field('name-0').fill('Ada Lovelace');
  await field('email-0').fill('ada@example');
  await field('tel-0').fill('+44 20 7946 0958');
  await save();

  await expect
    .poll(() => message('email-0').innerText())
    .toBe('After the @ comes a domain with a dot, like example.com.');
  expect(await field('email-0').inputValue()).toBe('ada@example');
  expect(await field('email-0').getAttribute('aria-invalid')).toBe('true');
  expect(await field('email-0').getAttribute('aria-describedby')).toBe('profile-field-email-0-error');
  expect(await status().innerText()).toBe('Not saved: fix the marked field. What you typed is kept.');
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('profile-field-email-0');
  expect(await stored()).toEqual([]);

  await field('email-0').fill('ada@example.com');
  await expect.poll(() => message('email-0').count()).toBe(0);
  await panel.getByRole('button', { name: 'Add another email' }).click();
  await field('email-1').fill('ada@home.example');
  await field('country-0').selectOption('GB');
  await field('postal-code-0').fill('SW1A 1AA');
  await field('bday-0').fill('1990-05-17');
  await panel.getByRole('button', { name: 'Add link' }).click();
  await field('link-0-label').fill('GitHub');
  await field('link-0-url').fill('https://github.com/ada');
  await field('about').fill('Mathematician. Prefers short, precise answers.');
  await save();
  await expect.poll(() => status().innerText()).toBe('Saved.');

  const [personal] = await stored();
  expect(personal).toMatchObject({
    name: 'Personal',
    isDefault: true,
    fields: {
      name: ['Ada Lovelace'],
      email: ['ada@example.com', 'ada@home.example'],
      tel: ['+44 20 7946 0958'],
      country: ['GB'],
      'postal-code': ['SW1A 1AA'],
      bday: ['1990-05-17'],
    },
    links: [{ label: 'GitHub', url: 'https://github.com/ada' }],
    about: 'Mathematician. Prefers short, precise answers.',
  });
  expect(await pickerOptions()).toEqual(['Personal (default)']);
  expect(await panel.getByTestId('profile-is-default').innerText()).toMatch(/^This is the default profile/);
});

test('a second profile, made the default, then edited; unsaved edits are not dropped without asking', async () => {
  await panel.getByRole('button', { name: 'New profile', exact: true }).click();
  expect(await field('profile-name').inputValue()).toBe('');
  await field('profile-name').fill('personal');
  await save();
  await expect
    .poll(() => message('profile-name').innerText())
    .toBe('There is already a profile called “personal”. Choose another name.');
  await field('profile-name').fill('Work');
  await field('organization-0').fill('Analytical Engines Ltd');
  await field('postal-code-0').fill('1011');
  await field('country-0').selectOption('DE');
  await save();
  await expect
    .poll(() => message('postal-code-0').innerText())
    .toBe('This is not a postal code of Germany, where they look like 10115.');
  await field('postal-code-0').fill('10115');
  await save();
  await expect.poll(() => status().innerText()).toBe('Saved.');
  expect(await pickerOptions()).toEqual(['Personal (default)', 'Work']);

  await panel.getByRole('button', { name: 'Make default' }).click();
  await expect.poll(() => pickerOptions()).toEqual(['Personal', 'Work (default)']);
  expect((await stored()).filter((p) => p.isDefault).map((p) => p.name)).toEqual(['Work']);

  await field('organization-title-0').fill('Engineer');
  const personalId = (await stored()).find((p) => p.name === 'Personal')!.id;
  await panel.locator('#profile-picker').selectOption(personalId);
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.innerText()).toMatch(/Discard your unsaved changes to “Work”\?/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect(await field('organization-title-0').inputValue()).toBe('Engineer');
  await save();
  await expect.poll(() => status().innerText()).toBe('Saved.');
  expect((await stored()).find((p) => p.name === 'Work')?.fields['organization-title']).toEqual(['Engineer']);
});

test('a card number typed into About me is refused with the reason, and nothing of it is stored', async () => {
  const before = await stored();
  await field('about').fill('Skills: TypeScript.\nMy card: 4111 1111 1111 1111');
  const alert = panel.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toBe(
    "This looks like a payment card number. Edgewise does not keep card numbers, security codes, passwords, one-time codes or government ids: they do not belong in an assistant's context, where the model could write them into a page. Remove it to save the profile.",
  );
  expect(await field('about').getAttribute('aria-describedby')).toBe('profile-about-hint profile-field-about-error');
  await save();
  await expect.poll(() => status().innerText()).toBe('Not saved: fix the marked field. What you typed is kept.');
  expect(await field('about').inputValue()).toBe('Skills: TypeScript.\nMy card: 4111 1111 1111 1111');
  expect(await stored()).toEqual(before);
  expect(JSON.stringify(await stored())).not.toContain('4111');

  await field('about').fill('Skills: TypeScript.');
  await expect.poll(() => alert.count()).toBe(0);
  await save();
  await expect.poll(() => status().innerText()).toBe('Saved.');
});

test('the profile view has no serious accessibility violations', async () => {
  expect(await seriousViolations(panel)).toEqual([]);
});

test('deleting the default asks first; the remaining profile becomes the default', async () => {
  expect(await field('profile-name').inputValue()).toBe('Work');
  await panel.getByRole('button', { name: 'Delete profile' }).click();
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.innerText()).toMatch(/Delete the profile “Work”\? This cannot be undone\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect((await stored()).length).toBe(2);

  await panel.getByRole('button', { name: 'Delete profile' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect.poll(() => status().innerText()).toBe('Deleted “Work”.');
  expect(await pickerOptions()).toEqual(['Personal (default)']);
  expect((await stored()).map((p) => [p.name, p.isDefault])).toEqual([['Personal', true]]);
  expect(await field('profile-name').inputValue()).toBe('Personal');
});

test('after a browser restart the profile and its values are still there', async () => {
  const before = await stored();
  await session.restartBrowser();
  await openProfileView();
  await expect.poll(() => field('profile-name').inputValue()).toBe('Personal');
  expect(await field('email-0').inputValue()).toBe('ada@example.com');
  expect(await field('email-1').inputValue()).toBe('ada@home.example');
  expect(await field('tel-0').inputValue()).toBe('+44 20 7946 0958');
  expect(await field('country-0').inputValue()).toBe('GB');
  expect(await field('bday-0').inputValue()).toBe('1990-05-17');
  expect(await field('link-0-url').inputValue()).toBe('https://github.com/ada');
  expect(await field('about').inputValue()).toBe('Mathematician. Prefers short, precise answers.');
  expect(await stored()).toEqual(before);
});

test('no errors in any context', () => {
  expect(session.browser.errors).toEqual([]);
});
