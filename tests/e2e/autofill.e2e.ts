/**
 * Form suggestions in real Chromium with the built extension (issue 13): focus shows masked
 * suggestions from each profile, keyboard-only picks fill, a whole-section fill writes
 * exactly the visible fields of that section (and a React-style form's own state hears it),
 * split phones and selects get the right values, undo restores, the page reads no value
 * before a pick, and the site switch turns it off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { maskPreview } from '@/lib/autofill';
import { seriousViolations, startSession, type Session } from './harness';
import { clickRow, popupMarkup, putProfiles, readPopup, waitForPopup } from './harness/autofill';
import { PERSONAL, PROFILE_VALUES, WORK } from './harness/profiles';

let session: Session;

beforeAll(async () => {
  session = await startSession();
  await putProfiles(session.browser, [PERSONAL, WORK]);
});
afterAll(() => session?.close());

const values = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => (el as HTMLInputElement).value));

test('focus shows a masked suggestion per profile, and the page reads no value before a pick', async () => {
  const page = await session.browser.context.newPage();
  // The page patches attachShadow before anything runs, to catch every shadow root made in its world.
  await page.addInitScript(() => {
    const caught: ShadowRoot[] = [];
    Object.assign(window, { caught });
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = original.call(this, { ...init, mode: 'open' });
      caught.push(root);
      return root;
    };
  });
  await page.goto(`${session.pages.url}/forms/signup.html`);
  await page.focus('#su-email');
  const popup = await waitForPopup(page);
  expect(popup.rows.map((r) => [r.text, r.detail])).toEqual([
    [maskPreview('ada@example.com'), 'from Personal'],
    [maskPreview('ada@engines.example'), 'from Work'],
    ['Fill the whole section', '5 fields from Personal'],
    ["Don't suggest on this site", ''],
  ]);
  // Not even the closed shadow root holds a value: only masked previews cross before a pick.
  for (const value of PROFILE_VALUES) expect(popup.text).not.toContain(value);

  const field = page.locator('#su-email');
  expect(await field.getAttribute('role')).toBe('combobox');
  expect(await field.getAttribute('aria-expanded')).toBe('true');
  expect(await field.getAttribute('aria-autocomplete')).toBe('list');
  expect(await field.getAttribute('aria-controls')).toMatch(/^edgewise-/);

  const seen = await page.evaluate(() => {
    const texts: string[] = [document.documentElement.outerHTML, document.body.innerText];
    const walk = (node: Node) => {
      if (node instanceof Element) {
        texts.push(...Array.from(node.attributes, (a) => a.value));
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      if (node instanceof HTMLInputElement) texts.push(node.value);
      node.childNodes.forEach(walk);
    };
    walk(document);
    for (const root of (window as unknown as { caught: ShadowRoot[] }).caught) texts.push(root.innerHTML);
    return { text: texts.join('\n'), caught: (window as unknown as { caught: ShadowRoot[] }).caught.length };
  });
  // The popup's root was made in the extension's isolated world, which the page's patch never saw.
  expect(seen.caught).toBe(0);
  for (const value of PROFILE_VALUES) expect(seen.text).not.toContain(value);
  await page.close();
});

test('keyboard only: ↓ moves, Enter picks and fills the field; Esc closes; the field is restored', async () => {
  const page = await session.openPage('/forms/signup.html');
  const field = page.locator('#su-email');
  await page.focus('#su-email');
  const shown = await waitForPopup(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const moved = await waitForPopup(page, (p) => p.rows[1]?.selected === true);
  expect(moved.rows.filter((r) => r.selected)).toHaveLength(1);
  // Assistive technology hears the active option (ids cannot point into a closed shadow root).
  expect(moved.announced).toBe(`${maskPreview('ada@engines.example')}, from Work`);
  expect(shown.rows[1]!.text).toBe(maskPreview('ada@engines.example'));
  // Enter counts 500 ms after the popup appeared, as a click does.
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await expect.poll(() => field.inputValue()).toBe('ada@engines.example');
  const filled = await waitForPopup(page, (p) => p.mode === 'filled');
  expect(filled.status).toBe('Filled 1 field');
  await page.keyboard.press('Escape');
  await expect.poll(() => readPopup(page)).toBeNull();
  // The page's own markup is put back when the popup closes.
  expect(await field.getAttribute('aria-expanded')).toBeNull();
  expect(await field.getAttribute('role')).toBeNull();
  await page.close();
});

test('a whole-section fill writes the visible fields of that section only, and React-style state sees them', async () => {
  const page = await session.openPage('/forms/controlled.html');
  await page.focus('[id=":r1:"]');
  await waitForPopup(page);
  // ↓ onto "Fill the whole section" outlines what it would change, before anything changes.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  const preview = await waitForPopup(page, (p) => p.rows.find((r) => r.selected)?.text === 'Fill the whole section');
  expect(preview.highlights).toBe(7);
  expect(await values(page, '#profile-form input')).toEqual(['', '', '', '', '', '']);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { formState: Record<string, string> }).formState))
    .toEqual({
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+1 415 555 0123',
      street: '12 Analytical Way',
      city: 'San Francisco',
      postalCode: '94107',
      country: 'US',
    });
  expect(await page.locator('textarea').inputValue()).toBe('');
  await page.close();

  const checkout = await session.openPage('/forms/checkout.html');
  await checkout.focus('#b-name');
  await clickRow(checkout, 'Fill the whole section');
  await expect.poll(() => checkout.inputValue('#b-line1')).toBe('12 Analytical Way');
  expect(await values(checkout, '#b-name, #b-line2, #b-city, #b-zip, #b-phone')).toEqual([
    'Ada Lovelace',
    'Flat 3',
    'San Francisco',
    '94107',
    '+1 415 555 0123',
  ]);
  expect(await checkout.inputValue('#b-state')).toBe('CA');
  // The shipping section and the email above are other sections: untouched.
  expect(await values(checkout, '#s-name, #s-line1, #s-city, #s-zip, #co-email')).toEqual(['', '', '', '', '']);
  await checkout.close();
});

test('split phone boxes get their parts, and country selects match by name and by code', async () => {
  const phone = await session.openPage('/forms/phone-us-split.html');
  await phone.focus('#ph-area');
  await clickRow(phone, 'Fill the whole section');
  await expect.poll(() => values(phone, 'input[type=tel]')).toEqual(['415', '555', '0123']);
  expect(await phone.inputValue('#cb-zip')).toBe('94107');
  await phone.close();

  // Country selects by name (no values) and by code: the stored code picks the right option in both.
  const selects = await session.openPage('/empty.html');
  await selects.evaluate(() => {
    document.body.innerHTML = `<form><label for="by-name">Country</label>
      <select id="by-name"><option>Choose…</option><option>Canada</option><option>Mexico</option><option>United States</option></select>
      <label for="by-code">Country code</label>
      <select id="by-code" name="country_code"><option value="">--</option><option>CA</option><option>GB</option><option>MX</option><option>US</option></select></form>`;
  });
  await selects.focus('#by-name');
  await clickRow(selects, maskPreview('US'));
  await expect.poll(() => selects.inputValue('#by-name')).toBe('United States');
  await selects.focus('#by-code');
  await clickRow(selects, maskPreview('US'));
  await expect.poll(() => selects.inputValue('#by-code')).toBe('US');
  await selects.close();
});

test('undo puts back what the fields held, and a field the user had typed in is never overwritten', async () => {
  const page = await session.openPage('/forms/signup.html');
  await page.locator('#su-last').pressSequentially('Byron');
  await page.focus('#su-first');
  await clickRow(page, 'Fill the whole section');
  await expect.poll(() => page.inputValue('#su-first')).toBe('Ada');
  expect(await page.inputValue('#su-last')).toBe('Byron');
  expect(await page.inputValue('#su-email')).toBe('ada@example.com');
  await clickRow(page, 'Undo fill');
  await expect
    .poll(() => values(page, '#su-first, #su-last, #su-email, #su-phone, #su-user'))
    .toEqual(['', 'Byron', '', '', '']);
  expect((await readPopup(page))?.status).toBe('The fill was undone.');
  await page.close();
});

test('the popup has no serious axe violations', async () => {
  const page = await session.openPage('/forms/signup.html');
  await page.focus('#su-email');
  await waitForPopup(page);
  await page.keyboard.press('ArrowDown');
  await waitForPopup(page, (p) => p.rows[0]?.selected === true);
  const markup = await popupMarkup(page);
  // axe cannot enter a closed shadow root: it checks a copy of the live popup (its DOM and
  // styles, read through DevTools) in an open one, on the same page.
  await page.evaluate(({ html, css }) => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${css}</style>${html}`;
  }, markup!);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

test("“Don't suggest on this site” turns it off here until it is turned back on in the Profile view", async () => {
  const page = await session.openPage('/forms/signup.html');
  await page.focus('#su-first');
  await clickRow(page, "Don't suggest on this site");
  await expect.poll(() => readPopup(page)).toBeNull();
  await page.reload();
  await page.focus('#su-first');
  await page.waitForTimeout(800);
  expect(await readPopup(page)).toBeNull();

  const panel = await session.browser.openExtensionPage('/sidepanel.html');
  await panel.getByRole('tab', { name: 'Profile', exact: true }).click();
  await panel.getByRole('button', { name: 'Suggest on 127.0.0.1 again' }).click();
  await expect.poll(() => panel.getByTestId('autofill-off-sites').count()).toBe(0);
  // And the global switch: off, nothing; on, suggestions again.
  await panel.getByLabel("Suggest my profile's details when I focus a form field").uncheck();
  await page.reload();
  await page.focus('#su-first');
  await page.waitForTimeout(800);
  expect(await readPopup(page)).toBeNull();
  await panel.getByLabel("Suggest my profile's details when I focus a form field").check();
  await page.reload();
  await page.focus('#su-first');
  await waitForPopup(page);
  await panel.close();
  await page.close();
});
