import { describe, expect, test } from 'vitest';
import { SseParser } from '@/lib/cloud';

/** A small seeded generator, so a failing split can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Splits `text` at random places into 1…`max`-character pieces. */
function splitRandomly(text: string, next: () => number, max = 9): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const size = 1 + Math.floor(next() * max);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

const STREAM = [
  ': keep-alive comment\n\n',
  'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n',
  'data: {"choices":[{"delta":{"content":"lo, wörld ✓"}}]}\r\n\r\n',
  'event: message\nid: 7\ndata: first line\ndata: second line\n\n',
  'data:no-space\r\r',
  'data: {"usage":{"prompt_tokens":3,"completion_tokens":2}}\n\n',
  'data: [DONE]\n\n',
].join('');

const EXPECTED = [
  '{"choices":[{"delta":{"content":"Hel"}}]}',
  '{"choices":[{"delta":{"content":"lo, wörld ✓"}}]}',
  'first line\nsecond line',
  'no-space',
  '{"usage":{"prompt_tokens":3,"completion_tokens":2}}',
  '[DONE]',
];

describe('SseParser', () => {
  test('reads data events, joins multi-line data, skips comments and other fields', () => {
    expect(new SseParser().push(STREAM)).toEqual(EXPECTED);
  });

  test.each(Array.from({ length: 40 }, (_, i) => i + 1))('gives the same events split at random (seed %i)', (seed) => {
    const parser = new SseParser();
    const events = splitRandomly(STREAM, random(seed)).flatMap((piece) => parser.push(piece));
    expect(events).toEqual(EXPECTED);
  });

  test('a CRLF split between its two characters is one line break, not an empty event line', () => {
    const parser = new SseParser();
    expect([...parser.push('data: a\r'), ...parser.push('\n\r'), ...parser.push('\ndata: b\n\n')]).toEqual(['a', 'b']);
  });

  test('an event cut before its blank line is never passed on', () => {
    const parser = new SseParser();
    expect(parser.push('data: {"choices":[{"delta":{"content":"whole"}}]}\n\ndata: {"choi')).toEqual([
      '{"choices":[{"delta":{"content":"whole"}}]}',
    ]);
    parser.end();
    expect(parser.push('\n\n')).toEqual([]);
  });

  test('a data field with no value still makes an event', () => {
    expect(new SseParser().push('data\n\n')).toEqual(['']);
  });
});
