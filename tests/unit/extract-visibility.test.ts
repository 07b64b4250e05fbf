import { Window } from 'happy-dom';
import { afterEach, expect, test } from 'vitest';
import { copyVisible } from '@/lib/extract/visibility';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function page(body: string): Document {
  const w = new Window({ url: 'https://pages.example/' });
  windows.push(w);
  w.document.write(`<!doctype html><html lang="de"><head><title>T</title></head><body>${body}</body></html>`);
  return w.document as unknown as Document;
}

const NO_LIMITS = { maxElements: Infinity, maxRawChars: Infinity };

test('the copy keeps visible text in order and the document language and title', () => {
  const { doc, elements, cut } = copyVisible(page('<p>one <b>two</b></p><div hidden>x</div><p>three</p>'), NO_LIMITS);
  expect(doc.body.textContent).toBe('one twothree');
  expect(doc.documentElement.lang).toBe('de');
  expect(doc.title).toBe('T');
  expect(elements).toBe(3);
  expect(cut).toBeNull();
});

test('a huge page stops at the element limit and says so', () => {
  const rows = Array.from({ length: 500 }, (_, i) => `<div>row ${i}</div>`).join('');
  const { doc, elements, cut } = copyVisible(page(rows), { maxElements: 100, maxRawChars: Infinity });
  expect(cut).toBe('elements');
  expect(elements).toBe(101);
  expect(doc.body.textContent).toContain('row 99');
  expect(doc.body.textContent).not.toContain('row 101');
});

test('stops at the character limit; blank text between tags does not count', () => {
  const rows = Array.from({ length: 50 }, (_, i) => `<p>${String(i).padStart(9, '-')}</p>\n      `).join('');
  const { doc, cut } = copyVisible(page(rows), { maxElements: Infinity, maxRawChars: 95 });
  expect(cut).toBe('chars');
  // Nine characters a paragraph: the eleventh crosses 95 and is the last one kept.
  expect(doc.body.querySelectorAll('p')).toHaveLength(11);
});
