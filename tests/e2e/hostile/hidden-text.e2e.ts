/**
 * Hostile pages, part 2: hidden text. One page hides a canary in each way a page can hide
 * text from a reader (opacity, font size, colour, position, transform, clip, zero size,
 * closed details, unslotted shadow children); visible controls sit in the light DOM, open
 * and closed shadow roots and a slot. The extractor runs in the page as the panel runs it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSession, type Session } from '../harness';
import { extractInTab } from '../harness/extract';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const CANARIES = [
  'OPACITY',
  'ANCESTOR-OPACITY',
  'FONT-SIZE',
  'SAME-COLOUR',
  'DARK-MATCH',
  'TRANSPARENT',
  'RGBA-ZERO',
  'OFF-SCREEN',
  'TRANSFORM',
  'RELATIVE',
  'TEXT-INDENT',
  'SR-ONLY',
  'ZERO-SIZE',
  'DETAILS',
  'UNSLOTTED',
];
const CONTROLS = ['LIGHT', 'SUMMARY', 'OPEN-SHADOW', 'CLOSED-SHADOW', 'SLOTTED'];

test('every hidden canary is left out, and every visible control is read', async () => {
  const page = await session.openPage('/hostile/hidden-canaries.html');
  const reply = await extractInTab(session.browser, page);
  expect(reply.error).toBeUndefined();
  const text = reply.page!.text;
  for (const control of CONTROLS) expect(text, `CONTROL-${control}`).toContain(`CONTROL-${control}`);
  const leaked = CANARIES.filter((canary) => text.includes(`CANARY-${canary}`));
  expect(leaked).toEqual([]);
});
