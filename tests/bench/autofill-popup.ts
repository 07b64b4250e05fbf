/**
 * Form suggestions' cost (issue 13): focus to popup painted on a generated 200-field form,
 * in Chromium with the built extension. The first focus of a page injects the suggestions
 * UI and is reported apart from the warm focuses after it. Timed in the page: from
 * `focus()` to the animation frame the popup's host is first drawn in.
 */
import { Window } from 'happy-dom';
import { classifyFields, isSecretToken, profileValue } from '@/lib/autofill';
import { launchBrowser, startPageServer } from '../e2e/harness';
import { putProfiles } from '../e2e/harness/autofill';
import { PERSONAL } from '../e2e/harness/profiles';
import { generateLargeForm } from './autofill-classify';
import { Samples, type Stat } from './stats';

export interface AutofillPopupResult {
  measures: Record<string, Stat>;
  /** p95 over the warm focuses, and over every focus (first ones included). */
  p95: { warm: number; all: number };
  fields: number;
  pages: number;
}

const FORM_PATH = '/bench-form.html';

/** Ids of the generated form's fields a profile has a value for (those show a popup). */
function suggestedIds(html: string): string[] {
  const window = new Window({ url: 'https://bench.example/' });
  window.document.write(`<!doctype html><html lang="en"><body>${html}</body></html>`);
  const fields = classifyFields(window.document as unknown as Document);
  const ids = fields
    .filter((f) => !isSecretToken(f.token) && profileValue(f.token, PERSONAL.fields) !== null)
    .map((f) => f.element.id)
    .filter(Boolean);
  void window.happyDOM.close();
  return ids;
}

/** `focuses` timed focuses in all, over `pages` fresh loads of the form (each load's first focus injects the UI). */
export async function benchAutofillPopup(focuses: number, pages: number): Promise<AutofillPopupResult> {
  const body = generateLargeForm(200);
  const server = await startPageServer({
    [FORM_PATH]: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench form</title></head><body>${body}</body></html>`,
  });
  const ids = suggestedIds(body);
  const browser = await launchBrowser();
  const samples = new Samples();
  try {
    await putProfiles(browser, [PERSONAL]);
    const perPage = Math.max(1, Math.ceil(focuses / pages));
    for (let p = 0; p < pages; p++) {
      const page = await browser.context.newPage();
      await page.goto(`${server.url}${FORM_PATH}`);
      for (let i = 0; i < perPage; i++) {
        const id = ids[(p * perPage + i) % ids.length]!;
        const ms = await page.evaluate(async (fieldId) => {
          const host = () => [...document.documentElement.children].find((c) => c.id.startsWith('edgewise-'));
          // A popup left open from the last field closes with the blur first.
          (document.activeElement as HTMLElement | null)?.blur();
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const shown = new Promise<void>((resolve, reject) => {
            const observer = new MutationObserver(() => {
              if (!host()) return;
              observer.disconnect();
              resolve();
            });
            observer.observe(document.documentElement, { childList: true });
            setTimeout(() => reject(new Error(`no popup for #${fieldId}`)), 10_000);
          });
          const started = performance.now();
          document.getElementById(fieldId)!.focus();
          await shown;
          // The frame the popup is drawn in: its rendering (style, layout, paint) starts when
          // its animation-frame callbacks have run.
          return new Promise<number>((r) => requestAnimationFrame(() => r(performance.now() - started)));
        }, id);
        samples.add(i === 0 ? 'autofill.first_focus_ms' : 'autofill.warm_focus_ms', ms);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const measures = samples.all();
  const warm = measures['autofill.warm_focus_ms']?.samples ?? [];
  const all = [...warm, ...(measures['autofill.first_focus_ms']?.samples ?? [])];
  return { measures, p95: { warm: percentile(warm, 0.95), all: percentile(all, 0.95) }, fields: 200, pages };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
