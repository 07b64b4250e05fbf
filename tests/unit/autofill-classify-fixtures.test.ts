import { afterEach, expect, test } from 'vitest';
import type { Window } from 'happy-dom';
import { classifyFields } from '@/lib/autofill/classify';
import { fixtureFiles, loadFixture, type LoadedPage } from '../bench/autofill-classify';

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

function open(file: string): LoadedPage {
  const page = loadFixture(file);
  windows.push(page.window);
  return page;
}

/** How a field is named in a failure: its label, else its name or id. */
function describe(el: Element, label: string): string {
  return `"${label || el.getAttribute('name') || el.getAttribute('id') || el.localName}"`;
}

test('there are at least 22 fixture forms, each with labelled fields', () => {
  const files = fixtureFiles();
  expect(files.length).toBeGreaterThanOrEqual(22);
  for (const file of files) expect(open(file).expected.size, file).toBeGreaterThan(0);
});

test.each(fixtureFiles())('%s: every field gets its expected token and section', (file) => {
  const { document, expected } = open(file);
  const fields = classifyFields(document);
  const mismatches: string[] = [];
  for (const field of fields) {
    const want = expected.get(field.element);
    const name = describe(field.element, field.label);
    if (!want) {
      mismatches.push(`${name}: classified but has no data-expect`);
      continue;
    }
    if (field.token !== want.token) mismatches.push(`${name}: token ${field.token}, expected ${want.token}`);
    if (field.section !== want.section) mismatches.push(`${name}: section ${field.section}, expected ${want.section}`);
  }
  const classified = new Set<Element>(fields.map((f) => f.element));
  for (const el of expected.keys()) {
    if (!classified.has(el)) mismatches.push(`${describe(el, '')}: has data-expect but was not classified`);
  }
  expect(mismatches).toEqual([]);
});
