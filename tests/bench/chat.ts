/**
 * 6. Chat: the time from pressing Enter to a finished answer in the side panel, versus
 * page length, up to the 10 MB page (capped at 2,000,000 characters). Each question
 * re-reads the page, cuts it into parts with the model's tokenizer, ranks the parts
 * (BM25) and streams the answer, so this is the whole cost a user waits for. Echo model,
 * 1,024-token window: the page never fits, so every question goes through retrieval.
 */
import { ask, configure, focusTab, startPageServer } from '../e2e/harness';
import type { BenchSession } from './session';
import { Samples, type Stat } from './stats';
import { articleOf, tenMegabytePage } from './summarize';

export type ChatResult = { measures: Record<string, Stat>; notes: string[] };

const CHAT_MODEL = 'edgewise-test/echo-tiny-1k';
/** Paragraph counts for the series; the 10 MB page comes last. */
export const CHAT_LENGTHS = [16, 256, 4096];

export async function benchChat(session: BenchSession, runs: number, lengths = CHAT_LENGTHS): Promise<ChatResult> {
  const generated: Record<string, string> = { '/ten-megabytes.html': tenMegabytePage() };
  for (const n of lengths) generated[`/article-${n}.html`] = articleOf(n);
  const pages = await startPageServer(generated);
  const samples = new Samples();
  const notes: string[] = [];
  await configure(session.browser, { modelId: CHAT_MODEL });
  await session.admin.call('load', CHAT_MODEL);
  const panel = await session.browser.openExtensionPage('/sidepanel.html');
  try {
    for (const name of [...lengths.map((n) => `article-${n}`), 'ten-megabytes']) {
      const page = await session.browser.context.newPage();
      await page.goto(`${pages.url}/${name}.html`, { timeout: 120_000 });
      await focusTab(session.browser, panel, page);
      for (let i = 0; i < Math.min(runs, 3); i++) {
        const started = Date.now();
        const answer = await ask(panel, `What did the council weigh about the mill, question ${i + 1}?`, 300_000);
        samples.add(`chat_answer_ms_${name}`, Date.now() - started);
        if (i === 0) notes.push(`${name}: ${answer.status}; ${answer.context || answer.error}`);
      }
      await page.close();
    }
  } finally {
    await panel.close();
    await pages.close();
  }
  return { measures: samples.all(), notes };
}
