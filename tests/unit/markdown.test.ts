// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '@/lib/markdown';

describe('renderMarkdown', () => {
  test('renders the summary format', () => {
    const html = renderMarkdown('**Title**\n- one\n- two');
    expect(html).toContain('<strong>Title</strong>');
    expect(html).toContain('<li>one</li>');
  });

  test.each([
    ['<script>alert(1)</script>', /<script/],
    ['<img src=x onerror=alert(1)>', /onerror|<img/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['[x](javascript:alert(1))', /javascript:/],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/],
    ['<div style="position:fixed">x</div>', /style=/],
  ])('neutralises %s', (input, forbidden) => {
    expect(renderMarkdown(input)).not.toMatch(forbidden);
  });

  test('links open in a new tab without an opener', () => {
    const html = renderMarkdown('[site](https://example.com)');
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
