/**
 * 5. Summarize pipeline: extraction time in a real page, for the fixture pages and a
 * 10 MB page, through the same injected extractor the side panel uses.
 * (End-to-end summary time versus page length is not measured yet: it needs a model
 * whose output length does not depend on its input, unlike the echo test model.)
 */
import type { Page } from 'playwright-core';
import { startPageServer, tabIdOf } from '../e2e/harness';
import type { BenchSession } from './session';
import { Samples, type Stat } from './stats';

export type SummarizeResult = { skipped: string } | { measures: Record<string, Stat>; notes: string[] };

const FIXTURES = ['news', 'blog', 'docs', 'hidden', 'nonarticle', 'long'];

/** About 10 MB of ordinary article markup. */
function tenMegabytePage(): string {
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

export async function benchSummarize(session: BenchSession, runs: number): Promise<SummarizeResult> {
  const pages = await startPageServer({ '/ten-megabytes.html': tenMegabytePage() });
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
  } finally {
    await admin.close();
    await pages.close();
  }
  return { measures: samples.all(), notes };
}
