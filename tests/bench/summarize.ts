/**
 * 5. Summarize pipeline: extraction time in a real page, for the fixture pages and a
 * 10 MB page, through the same injected extractor the side panel uses; and the
 * end-to-end time of a summary (menu click to finished panel) versus page length, with
 * the echo model against a 1,024-token window, to show the time grows linearly.
 */
import type { Page } from 'playwright-core';
import { clickMenuItem, configure, finishedSummary, panelRun, startPageServer, tabIdOf } from '../e2e/harness';
import type { BenchSession } from './session';
import { Samples, type Stat } from './stats';

export type SummarizeResult = { skipped: string } | { measures: Record<string, Stat>; notes: string[] };

const FIXTURES = ['news', 'blog', 'docs', 'hidden', 'nonarticle', 'long'];

/** About 10 MB of ordinary article markup. */
export function tenMegabytePage(): string {
  const paragraph = (i: number) =>
    `<p>Paragraph ${i} of a very long page: the council met again to discuss the harbour, the mill and the tides, and agreed on nothing new.</p>\n`;
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < 10_000_000; i++) {
    const p = paragraph(i);
    body.push(i % 50 === 0 ? `<h2>Section ${i / 50}</h2>\n${p}` : p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><title>Ten megabytes</title></head><body><article>${body.join('')}</article></body></html>`;
}

interface ExtractTiming {
  wallMs: number;
  extractMs: number;
  chars: number;
  capped: boolean;
}

async function timeExtraction(admin: Page, tabId: number): Promise<ExtractTiming> {
  return admin.evaluate(async (id) => {
    type Injection = { result?: unknown }[];
    const scripting = (
      globalThis as unknown as {
        chrome: { scripting: { executeScript(i: object): Promise<Injection> } };
      }
    ).chrome.scripting;
    await scripting.executeScript({ target: { tabId: id }, files: ['/extract.js'] });
    const [injection] = await scripting.executeScript({
      target: { tabId: id },
      func: () => {
        const started = performance.now();
        const extract = (
          globalThis as unknown as Record<
            string,
            (mode: string) => { ok: boolean; page?: { ms: number; text: string; capped: unknown } }
          >
        ).__edgewiseExtract!;
        const reply = extract('page');
        return {
          wallMs: performance.now() - started,
          extractMs: reply.page?.ms ?? -1,
          chars: reply.page?.text.length ?? 0,
          capped: Boolean(reply.page?.capped),
        };
      },
    });
    return injection!.result as ExtractTiming;
  }, tabId);
}

/** A plain article of `paragraphs` paragraphs (~200 characters each). */
export function articleOf(paragraphs: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i} reports that the harbour council met, weighed the mill, the tides and the cost, and asked the town for its view before spring.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Article of ${paragraphs}</title></head><body><article><h1>Article of ${paragraphs}</h1>${body}</article></body></html>`;
}

/** Paragraph counts for the length series (about 1 part per paragraph in a 1,024-token window). */
export const LENGTHS = [4, 8, 16];
const SUMMARY_MODEL = 'edgewise-test/echo-tiny-1k';

export async function benchSummarize(session: BenchSession, runs: number, lengths = LENGTHS): Promise<SummarizeResult> {
  const generated: Record<string, string> = { '/ten-megabytes.html': tenMegabytePage() };
  for (const n of lengths) generated[`/article-${n}.html`] = articleOf(n);
  const pages = await startPageServer(generated);
  const samples = new Samples();
  const notes: string[] = [];
  const admin = await session.browser.openExtensionPage('/options.html');
  try {
    for (const name of [...FIXTURES, 'ten-megabytes']) {
      const page = await session.browser.context.newPage();
      await page.goto(`${pages.url}/${name}.html`, { timeout: 120_000 });
      const tabId = await tabIdOf(session.browser, page);
      for (let i = 0; i < runs; i++) {
        const timing = await timeExtraction(admin, tabId);
        samples.add(`extract_ms_${name}`, timing.wallMs);
        if (i === 0)
          notes.push(
            `${name}: ${timing.chars.toLocaleString('en-US')} characters${timing.capped ? ' (capped, reported to the user)' : ''}`,
          );
      }
      await page.close();
    }
    await timeSummaries(session, pages.url, runs, lengths, samples, notes);
  } finally {
    await admin.close();
    await pages.close();
  }
  return { measures: samples.all(), notes };
}

/** Menu click → finished summary in the side panel, per page length. */
async function timeSummaries(
  session: BenchSession,
  base: string,
  runs: number,
  lengths: number[],
  samples: Samples,
  notes: string[],
) {
  await configure(session.browser, { modelId: SUMMARY_MODEL });
  await session.admin.call('load', SUMMARY_MODEL);
  const panel = await session.browser.openExtensionPage('/sidepanel.html');
  try {
    for (const n of lengths) {
      const page = await session.browser.context.newPage();
      await page.goto(`${base}/article-${n}.html`);
      for (let i = 0; i < Math.min(runs, 3); i++) {
        // Regenerate on later runs: an unchanged page would otherwise come from history.
        const run = await panelRun(panel);
        const started = Date.now();
        if (i === 0) await clickMenuItem(session.browser, 'edgewise-summarize-page', page);
        else await panel.getByRole('button', { name: 'Regenerate' }).click();
        // If the model is somehow not in IndexedDB, the panel asks first: agree, and time it all.
        const consent = panel.getByRole('button', { name: 'Download and summarize' });
        void consent.click({ timeout: 60_000 }).catch(() => undefined);
        const result = await finishedSummary(panel, run, 240_000);
        samples.add(`summary_ms_${n}_paragraphs`, Date.now() - started);
        if (i === 0) notes.push(`article-${n}: ${result.coverage}`);
      }
      await page.close();
    }
  } finally {
    await panel.close();
  }
}
