import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, test } from 'vitest';
import { ExtractError, countWords, extractPage, stripInvisible, type ExtractedPage } from '@/lib/extract';

const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u{E0000}-\u{E007F}]/u;

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

/** A fixture page loaded into happy-dom at a made-up URL. */
function load(name: string, url = `https://pages.example/${name}.html`): Document {
  const w = new Window({ url });
  windows.push(w);
  w.document.write(readFileSync(`tests/fixtures/pages/${name}.html`, 'utf8'));
  return w.document as unknown as Document;
}

interface Case {
  source: ExtractedPage['source'];
  title: string;
  lang: string;
  byline: string;
  has: string[];
  lacks: string[];
}

const CASES: Record<string, Case> = {
  news: {
    source: 'article',
    title: 'Harbour town votes to restore its tidal mill | The Coastal Ledger',
    lang: 'en',
    byline: 'Priya Nandakumar',
    has: [
      'Residents of Kettlewick voted by a wide margin on Tuesday to restore the tidal mill',
      'We expect the restored wheel to turn again by the spring equinox of 2026',
      'asked for an independent study of the sediment before any work begins.',
    ],
    lacks: [
      'Seagull Deluxe kayak', // ad before the article
      'SunnyGlow', // ad inside the article
      'We use cookies', // cookie banner
      'Accept all cookies',
      'Subscribe for unlimited lighthouse coverage', // site nav
      'Ferry timetable changes', // related links
      'potholes on Quay Street', // comments
      'My grandfather worked the mill',
      'Coastal Ledger Media Group', // footer
    ],
  },
  blog: {
    source: 'article',
    title: 'Mon premier pain au levain, enfin réussi',
    lang: 'fr',
    byline: 'Camille Rousseau',
    has: [
      'Mon levain, que j’ai baptisé Gaston'.replace('’', "'"),
      'Avec une eau tiède autour de vingt-six degrés, tout a changé en une seule nuit.',
      '10 grammes de sel de Guérande',
      'un pain de seigle aux noix',
    ],
    lacks: ['entre deux fournées', 'Janvier 2024', 'Étiquettes', 'Propulsé par un moteur de blog artisanal'],
  },
  docs: {
    source: 'article',
    title: 'Configuring retries - Fernwick HTTP Client Docs',
    lang: 'en',
    byline: '',
    has: [
      'with exponential backoff starting at two hundred milliseconds between attempts.',
      'Which requests are retried',
      'POST requests are never retried unless they carry an Idempotency-Key header.',
      // Code keeps its lines.
      "import { Client, RetryPolicy } from 'fernwick';\nconst client = new Client({\n  retry: new RetryPolicy({",
      'Attempt | Base delay',
    ],
    lacks: ['Quickstart tutorial', 'Working behind proxies', 'Error types reference', 'Was this page helpful'],
  },
  hidden: {
    source: 'article',
    title: 'Keeping houseplants alive through winter',
    lang: 'en',
    byline: '',
    has: [
      'Most houseplants die in winter from too much water rather than too little.',
      'A cheap hygrometer will tell you',
      'This is the private tip my grandmother swore by',
      'it has never failed her collection of begonias.',
      'and a clean plant is a happy plant.',
      // visibility:hidden hides a parent's own text, not a child that sets visibility:visible.
      'Visible child text survives here.',
    ],
    lacks: [
      'PINEAPPLE', // display:none from a <style> class
      'DISPLAY-INLINE-SECRET', // display:none inline
      'VISIBILITY-CLASS-SECRET', // visibility:hidden from a <style> class
      'VISIBILITY-INLINE-SECRET', // visibility:hidden inline
      'VISIBILITY-PARENT-SECRET',
      'ARIA-HIDDEN-SECRET',
      'HIDDEN-ATTRIBUTE-SECRET',
      'TEMPLATE-SECRET',
      'NOSCRIPT-SECRET',
      'SCRIPT-SECRET',
      'IGNORE',
      'TAG-SMUGGLED-SECRET',
    ],
  },
  nonarticle: {
    source: 'visible-text',
    title: 'Trail shoes - Ridgeline Outfitters',
    lang: 'en-GB',
    byline: '',
    has: ['Trail running shoes', 'Scree Runner 3', '£119.00', 'Waterproof membrane for peat and puddles.'],
    lacks: ['Add to basket', 'Clearance sale', 'Search the shop', 'Free returns within 60 days'],
  },
  long: {
    source: 'article',
    title: 'A year on the estuary: a long read',
    lang: 'en',
    byline: 'Morwenna Tregarthen',
    has: [
      'The distinctive opening marker sentence is that the estuary fog smells faintly of cinnamon.',
      'The distinctive closing marker sentence is that the last lantern on the pier is painted violet.',
    ],
    lacks: ['Long reads are published every Sunday.'],
  },
};

describe('extractPage: fixture pages', () => {
  describe.each(Object.entries(CASES))('%s.html', (name, expected) => {
    test('keeps the content, drops the rest, reports the metadata', () => {
      const doc = load(name);
      const page = extractPage(doc, { mode: 'page' });
      expect(page).toMatchObject({
        source: expected.source,
        title: expected.title,
        lang: expected.lang,
        byline: expected.byline,
        url: `https://pages.example/${name}.html`,
        capped: null,
      });
      for (const sentence of expected.has) expect(page.text).toContain(sentence);
      for (const sentence of expected.lacks) expect(page.text).not.toContain(sentence);
      expect(page.wordCount).toBe(countWords(page.text));
      expect(page.ms).toBeGreaterThanOrEqual(0);
    });

    test('clean text: no invisible characters, blocks trimmed, whitespace collapsed', () => {
      const { text } = extractPage(load(name), { mode: 'page' });
      expect(text).not.toMatch(INVISIBLE);
      expect(text).not.toMatch(/\n{3,}/);
      for (const block of text.split('\n\n')) {
        expect(block).toBe(block.trim());
        expect(block).not.toBe('');
        // Only code (<pre>) keeps single line breaks and indentation.
        if (!block.includes('\n')) expect(block).not.toMatch(/\s{2,}|[\t\r\f\v\u00A0]/);
      }
    });

    test('leaves the live document untouched', () => {
      const doc = load(name);
      const before = doc.documentElement.outerHTML;
      extractPage(doc, { mode: 'page' });
      expect(doc.documentElement.outerHTML).toBe(before);
    });
  });

  test('a long article is long enough for chunking tests', () => {
    expect(extractPage(load('long'), { mode: 'page' }).wordCount).toBeGreaterThan(6000);
  });

  test('happy-dom computes styles from <style> rules (the hidden.html cases rely on it)', () => {
    const doc = load('hidden');
    const view = doc.defaultView!;
    expect(view.getComputedStyle(doc.querySelector('.collapsed-note')!).display).toBe('none');
    expect(view.getComputedStyle(doc.querySelector('.sr-gone')!).visibility).toBe('hidden');
  });

  test('a page with no readable text is an ExtractError', () => {
    const doc = load('empty');
    expect(() => extractPage(doc, { mode: 'page' })).toThrow(ExtractError);
    expect(() => extractPage(doc, { mode: 'page' })).toThrow('This page has no readable text.');
  });
});

describe('extractPage: selection', () => {
  test('cleans the selected text and keeps the page metadata', () => {
    const doc = load('blog', 'https://camille.example/levain');
    const page = extractPage(doc, {
      mode: 'selection',
      selectionText:
        '  Le secret, c’était la tem\u200Bpéra\u00ADture   de l’eau.\n\n\n\tPendant des semaines\u{E0041}…  \n',
    });
    expect(page).toMatchObject({
      source: 'selection',
      text: 'Le secret, c’était la température de l’eau.\n\nPendant des semaines…',
      title: 'Mon premier pain au levain, enfin réussi',
      url: 'https://camille.example/levain',
      lang: 'fr',
      byline: 'Camille Rousseau',
      capped: null,
      wordCount: 10,
    });
  });

  test.each([[undefined], [''], ['  \n\t '], ['\u200B\uFEFF\u{E0020}']])(
    'an empty selection (%j) is an ExtractError',
    (s) => {
      const doc = load('news');
      expect(() => extractPage(doc, { mode: 'selection', selectionText: s })).toThrow(ExtractError);
      expect(() => extractPage(doc, { mode: 'selection', selectionText: s })).toThrow(/Nothing is selected/);
    },
  );
});

describe('extractPage: caps are reported, never silent', () => {
  test('text longer than maxChars is cut at a word boundary and reported', () => {
    const full = extractPage(load('long'), { mode: 'page' });
    const page = extractPage(load('long'), { mode: 'page', maxChars: 1000 });
    expect(page.text.length).toBeLessThanOrEqual(1000);
    expect(page.text.length).toBeGreaterThan(900);
    expect(full.text.startsWith(page.text)).toBe(true);
    expect(full.text[page.text.length]).toMatch(/\s/);
    expect(page.capped).toEqual({
      reason: 'The text is longer than the 1,000-character limit; only the beginning was kept.',
      keptChars: page.text.length,
      totalChars: expect.any(Number),
    });
    // The walk stopped early, so the total is estimated from the page's raw text: close to the real length.
    expect(page.capped!.totalChars / full.text.length).toBeGreaterThan(0.95);
    expect(page.capped!.totalChars / full.text.length).toBeLessThan(1.1);
  });

  test('a cap just under the text length cuts only the end', () => {
    const full = extractPage(load('news'), { mode: 'page' });
    const page = extractPage(load('news'), { mode: 'page', maxChars: full.text.length - 5 });
    expect(page.capped).toMatchObject({ keptChars: page.text.length, totalChars: full.text.length });
  });

  test('selection is capped too, without splitting a surrogate pair', () => {
    const page = extractPage(load('news'), { mode: 'selection', selectionText: '😀'.repeat(10), maxChars: 5 });
    expect(page.text).toBe('😀😀');
    expect(page.capped).toMatchObject({ keptChars: 4, totalChars: 20 });
  });

  test.each([[0], [-1], [Number.NaN]])('refuses maxChars %s', (maxChars) => {
    expect(() => extractPage(load('news'), { mode: 'page', maxChars })).toThrow(RangeError);
  });
});

describe('clean text helpers', () => {
  test('stripInvisible removes zero-width, soft hyphen, bidi, variation selectors and tag characters', () => {
    const tagged = [...'evil'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
    expect(stripInvisible(`pri\u200Bva\u00ADte\u2060 da\uFEFFta${tagged} \u202Ex\u202C❤\uFE0F`)).toBe(
      'private data x❤',
    );
  });

  test.each([
    ['', 0],
    ['one', 1],
    ['  two words ', 2],
    ['日本語の文', 5],
    ['Edgewise は 速い', 4],
  ])('countWords(%j) = %d', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});
