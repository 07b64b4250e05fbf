/**
 * Hostile pages against form suggestions (issue 13): honeypots hidden every way are never
 * filled; cross-origin and sandboxed frames get nothing; clicks within 500 ms of the
 * popup's first paint, untrusted events and clicks through overlays do nothing; and
 * overlays, fading and tampering withdraw the popup.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { maskPreview } from '@/lib/autofill';
import { startPageServer, startSession, type PageServer, type Session } from '../harness';
import { clickRow, putProfiles, readPopup, rowCentre, waitForPopup } from '../harness/autofill';
import { PERSONAL } from '../harness/profiles';

let session: Session;
let otherOrigin: PageServer;

beforeAll(async () => {
  session = await startSession();
  otherOrigin = await startPageServer();
  await putProfiles(session.browser, [PERSONAL]);
});
afterAll(async () => {
  await session?.close();
  await otherOrigin?.close();
});

/** Waits long enough for a popup to have appeared, then says whether one did. */
async function popupAfterFocus(page: Page, focus: () => Promise<void>): Promise<boolean> {
  await focus();
  await page.waitForTimeout(900);
  return (await readPopup(page)) !== null;
}

test('honeypots hidden each way are never filled, and focusing one shows nothing', async () => {
  const page = await session.openPage('/forms/honeypots.html');
  await page.focus('#hp-real-name');
  await clickRow(page, 'Fill the whole section');
  await expect.poll(() => page.inputValue('#hp-real-name')).toBe('Ada Lovelace');
  expect(await page.inputValue('#hp-real-email')).toBe('ada@example.com');
  const honeypots = await page.$$eval('[data-honeypot]', (els) =>
    els.map((el) => [el.getAttribute('data-honeypot'), (el as HTMLInputElement).value]),
  );
  expect(honeypots).toHaveLength(8);
  expect(honeypots.filter(([, value]) => value !== '')).toEqual([]);
  for (const id of ['#hp3', '#hp7', '#hp8']) {
    expect(await popupAfterFocus(page, () => page.focus(id)), id).toBe(false);
  }
  await page.close();
});

test('a same-origin frame is filled; cross-origin and sandboxed frames never are', async () => {
  const same = await session.openPage('/forms/iframe-same-origin.html');
  const inner = await frameWith(same, '/forms/frame-inner.html');
  await inner.focus('#fi-first');
  await clickRow(same, 'Fill the whole section');
  await expect.poll(() => inner.inputValue('#fi-zip')).toBe('94107');
  expect(await inner.inputValue('#fi-first')).toBe('Ada');
  await same.close();

  const page = await session.openPage('/forms/iframe-cross-origin.html');
  await page.evaluate((src) => {
    document.querySelector<HTMLIFrameElement>('[data-cross-origin]')!.src = src;
  }, `${otherOrigin.url}/forms/frame-inner.html`);
  const foreign = await frameWith(page, `${otherOrigin.url}/forms/frame-inner.html`);
  expect(await popupAfterFocus(page, () => foreign.focus('#fi-first'))).toBe(false);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect(await foreign.inputValue('#fi-first')).toBe('');

  // Sandboxed frames of the page's own origin: with an opaque origin (the background refuses
  // it), and with allow-same-origin (the frame's `sandbox` attribute refuses it in the page).
  await page.evaluate(() => {
    for (const [id, sandbox] of [
      ['opaque', 'allow-scripts allow-forms'],
      ['same', 'allow-scripts allow-forms allow-same-origin'],
    ]) {
      const frame = document.createElement('iframe');
      frame.id = id!;
      frame.setAttribute('sandbox', sandbox!);
      frame.src = `/forms/frame-inner.html?${id}`;
      document.body.append(frame);
    }
  });
  for (const id of ['opaque', 'same']) {
    const sandboxed = await frameWith(page, `/forms/frame-inner.html?${id}`);
    expect(await popupAfterFocus(page, () => sandboxed.focus('#fi-first')), id).toBe(false);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await sandboxed.inputValue('#fi-first'), id).toBe('');
  }
  // The top frame's own form still gets suggestions.
  await page.focus('#t-email');
  await waitForPopup(page);
  await page.close();
});

test('a click within 500 ms of the first paint, and untrusted events, do nothing', async () => {
  const page = await session.openPage('/forms/signup.html');
  await page.focus('#su-email');
  await waitForPopup(page);
  const centre = (await rowCentre(page, maskPreview('ada@example.com')))!;
  await page.mouse.click(centre.x, centre.y);
  await page.waitForTimeout(100);
  expect(await page.inputValue('#su-email')).toBe('');

  // Synthetic keys and focus events from the page are not the user's.
  await page.evaluate(() => {
    const field = document.querySelector('#su-email')!;
    for (const key of ['ArrowDown', 'Enter']) field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    document.querySelector('#su-last')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  });
  await page.waitForTimeout(700);
  expect(await page.inputValue('#su-email')).toBe('');
  // Once the 500 ms are past, the user's own click fills.
  await page.mouse.click(centre.x, centre.y);
  await expect.poll(() => page.inputValue('#su-email')).toBe('ada@example.com');
  await page.close();
});

test('an overlay opened over the popup, fading the page, or touching the popup withdraws it', async () => {
  const page = await session.openPage('/forms/clickjacking.html');
  const show = async () => {
    await page.focus('#p-city');
    await page.focus('#p-email');
    await waitForPopup(page);
  };

  // A transparent, click-through popover of the page's own, opened over ours.
  await show();
  await page.evaluate(() => {
    const veil = document.createElement('div');
    veil.popover = 'manual';
    veil.id = 'veil';
    veil.style.cssText =
      'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:transparent;pointer-events:none';
    document.body.append(veil);
    veil.showPopover();
  });
  await expect.poll(() => readPopup(page)).toBeNull();
  await page.evaluate(() => document.getElementById('veil')!.remove());

  // The page fades itself after the popup opened (the fixture's "Claim prize" button).
  await show();
  await page.click('#fade-body', { force: true });
  await page.focus('#p-email');
  await expect.poll(() => page.evaluate(() => document.body.style.opacity)).toBe('0.05');
  await expect.poll(() => readPopup(page)).toBeNull();
  await page.evaluate(() => (document.body.style.opacity = ''));

  // The page finds the popup's host and makes it transparent.
  await show();
  await page.evaluate(() => ((document.documentElement.lastElementChild as HTMLElement).style.opacity = '0'));
  await expect.poll(() => readPopup(page)).toBeNull();
  // A stylesheet rule against it instead: the popup's own !important inline styles win, so it stays as drawn.
  await show();
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'html > div[popover] { filter: opacity(0) !important; opacity: 0 !important; }';
    document.head.append(style);
  });
  await page.waitForTimeout(400);
  expect((await readPopup(page))?.drawn).toEqual({ opacity: '1', filter: 'none', visibility: 'visible' });
  await page.close();
});

test('a transparent form, or one under an opaque overlay that lets clicks through, gets no popup', async () => {
  const page = await session.openPage('/forms/clickjacking.html');
  expect(await popupAfterFocus(page, () => page.focus('#g-email'))).toBe(false);
  expect(await popupAfterFocus(page, () => page.focus('#o-phone'))).toBe(false);
  // The same page's plain form is fine.
  await page.focus('#p-email');
  await waitForPopup(page);
  await page.close();
});

test('a veil in a closed shadow root, a pseudo-element of the host, or scrolling the popup under the pointer does nothing', async () => {
  const page = await session.openPage('/forms/signup.html');
  const row = maskPreview('ada@example.com');
  const showAndWait = async () => {
    await page.focus('#su-first');
    await page.focus('#su-email');
    await waitForPopup(page, (p) => p.rows.some((r) => r.text === row));
    await page.waitForTimeout(600);
  };

  // A click-through popover of the page's, opened over ours inside a closed shadow root.
  await showAndWait();
  const centre = (await rowCentre(page, row))!;
  await page.evaluate(() => {
    const holder = document.createElement('div');
    document.body.append(holder);
    const veil = document.createElement('div');
    veil.popover = 'manual';
    veil.style.cssText =
      'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;pointer-events:none';
    holder.attachShadow({ mode: 'closed' }).append(veil);
    veil.showPopover();
    (window as unknown as { veil: HTMLElement }).veil = veil;
  });
  await page.mouse.click(centre.x, centre.y);
  await expect.poll(() => readPopup(page)).toBeNull();
  expect(await page.inputValue('#su-email')).toBe('');
  await page.evaluate(() => (window as unknown as { veil: HTMLElement }).veil.hidePopover());

  // A page rule giving the host a pseudo-element that paints over it in the top layer.
  await showAndWait();
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.id = 'pseudo';
    style.textContent =
      "html > div[popover]::after { content: ''; position: fixed; inset: 0; background: #fff; pointer-events: none; }";
    document.head.append(style);
  });
  await expect.poll(() => readPopup(page)).toBeNull();
  await page.evaluate(() => document.getElementById('pseudo')!.remove());

  // The page scrolls, moving the popup under the pointer: the 500 ms start again.
  await page.evaluate(() => {
    document.body.style.minHeight = '3000px';
    document.body.style.paddingTop = '200px';
  });
  await showAndWait();
  await page.evaluate(() => window.scrollBy(0, 120));
  await page.waitForTimeout(50);
  const moved = (await rowCentre(page, row))!;
  await page.mouse.click(moved.x, moved.y);
  await page.waitForTimeout(100);
  expect(await page.inputValue('#su-email')).toBe('');
  await page.waitForTimeout(600);
  await page.mouse.click(moved.x, moved.y);
  await expect.poll(() => page.inputValue('#su-email')).toBe('ada@example.com');
  await page.close();
});

test('a same-origin frame covered or faded by its parent page gets no popup', async () => {
  const page = await session.openPage('/forms/iframe-same-origin.html');
  const inner = await frameWith(page, '/forms/frame-inner.html');
  await page.evaluate(() => {
    const cover = document.createElement('div');
    const frame = document.getElementById('donation-frame')!.getBoundingClientRect();
    cover.style.cssText = `position:absolute;left:${frame.left}px;top:${frame.top + window.scrollY}px;width:${frame.width}px;height:${frame.height}px;background:#fff`;
    cover.id = 'cover';
    document.body.append(cover);
  });
  expect(await popupAfterFocus(page, () => inner.focus('#fi-first'))).toBe(false);
  await page.evaluate(() => {
    document.getElementById('cover')!.remove();
    document.getElementById('donation-frame')!.style.opacity = '0.2';
  });
  expect(await popupAfterFocus(page, () => inner.focus('#fi-last'))).toBe(false);
  await page.close();
});

test('values the page wrote itself are never offered for saving', async () => {
  const page = await session.openPage('/forms/signup.html');
  await page.evaluate(() => {
    document.querySelector('form')!.setAttribute('action', '/forms/signup.html?planted=1');
    (document.querySelector('#su-email') as HTMLInputElement).value = 'planted@attacker.example';
  });
  // The user does interact (a trusted click), and the page sends the form itself.
  await page.click('#su-first');
  await page.evaluate(() => document.querySelector('form')!.requestSubmit());
  await page.waitForURL(/planted=1/);
  await page.waitForTimeout(1500);
  expect(await readPopup(page)).toBeNull();
  await page.close();
});

async function frameWith(page: Page, url: string): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().endsWith(url));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`No frame ${url}`);
}
