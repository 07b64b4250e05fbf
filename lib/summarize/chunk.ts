/**
 * Token-aware chunking with the model's own tokenizer.
 *
 * Chunks are contiguous slices of the text, so together they cover every character:
 * nothing is dropped between them. Splits prefer paragraph breaks, then sentence ends,
 * then spaces, and only as a last resort cut inside a run of characters (a "word"
 * longer than the budget), never inside a surrogate pair.
 */

/** Token counts of each text, from the model's tokenizer. */
import { countWords } from '@/lib/extract';
export type CountTokens = (texts: string[]) => Promise<number[]>;

export interface TextChunk {
  text: string;
  /** Offsets into the source text: `source.slice(start, end) === text`. */
  start: number;
  end: number;
  tokens: number;
  words: number;
}

type Range = [start: number, end: number];

const SPLITTERS: RegExp[] = [/\n\s*\n/g, /(?<=[.!?。！？])\s+/g, /\s+/g];

/** Splits `text` into chunks of at most `maxTokens` tokens each. */
export async function chunkText(text: string, maxTokens: number, count: CountTokens): Promise<TextChunk[]> {
  if (!Number.isFinite(maxTokens) || maxTokens < 1)
    throw new RangeError(`No room for text: budget is ${maxTokens} tokens.`);
  if (!text.trim()) return [];
  const units = await fittingUnits(text, maxTokens, count);
  const packed = pack(units, maxTokens);
  return verify(text, packed, maxTokens, count);
}

interface Unit {
  range: Range;
  tokens: number;
}

/** A range still being split: `level` is the splitter to use next (past the last: halve). */
interface Piece {
  range: Range;
  level: number;
  tokens?: number;
}

/**
 * Breaks the text until each piece fits the budget: paragraphs, then sentences, then
 * spaces, then halves. Level by level over the whole text, so each round is one count
 * call (batched by the caller) rather than one per paragraph: a long page has tens of
 * thousands of them, and each call crosses to the engine.
 */
async function fittingUnits(text: string, maxTokens: number, count: CountTokens): Promise<Unit[]> {
  let pieces: Piece[] = [{ range: [0, text.length], level: 0 }];
  for (;;) {
    const uncounted = pieces.filter((p) => p.tokens === undefined);
    if (uncounted.length === 0) break;
    const tokens = await count(uncounted.map((p) => text.slice(p.range[0], p.range[1])));
    uncounted.forEach((p, i) => (p.tokens = tokens[i] ?? 0));
    const next: Piece[] = [];
    for (const piece of pieces) {
      if (piece.tokens! <= maxTokens) next.push(piece);
      else for (const part of splitFurther(text, piece)) next.push(part);
    }
    pieces = next;
  }
  return pieces.map((p) => ({ range: p.range, tokens: p.tokens! }));
}

/** The pieces an over-budget piece breaks into (uncounted), or itself when nothing can split it. */
function splitFurther(text: string, piece: Piece): Piece[] {
  // Skip splitters that find nothing to cut here (a paragraph with no sentence end, …).
  for (let level = piece.level; level < SPLITTERS.length; level++) {
    const ranges = splitAt(text, piece.range, SPLITTERS[level]!);
    if (ranges.length > 1) return ranges.map((range) => ({ range, level: level + 1 }));
  }
  const halves = halve(text, piece.range);
  // A single character over budget cannot be split; verify() reports it as it is.
  if (halves.length === 1) return [{ ...piece, level: SPLITTERS.length }];
  return halves.map((range) => ({ range, level: SPLITTERS.length }));
}

/** Cuts a range after each separator match; the separator stays with the piece before it. */
function splitAt(text: string, [start, end]: Range, separator: RegExp): Range[] {
  const pieces: Range[] = [];
  let from = start;
  for (const match of text.slice(start, end).matchAll(separator)) {
    const cut = start + match.index + match[0].length;
    if (cut > from && cut < end) {
      pieces.push([from, cut]);
      from = cut;
    }
  }
  pieces.push([from, end]);
  return pieces;
}

/** Halves a range that has no separator left, keeping surrogate pairs whole. */
function halve(text: string, [start, end]: Range): Range[] {
  if (end - start < 2) return [[start, end]];
  let middle = start + Math.floor((end - start) / 2);
  const code = text.charCodeAt(middle);
  if (code >= 0xdc00 && code <= 0xdfff) middle++; // don't split a surrogate pair
  return middle >= end
    ? [[start, end]]
    : [
        [start, middle],
        [middle, end],
      ];
}

/** Greedy packing of consecutive units into chunks. */
function pack(units: Unit[], maxTokens: number): Unit[][] {
  const chunks: Unit[][] = [];
  let current: Unit[] = [];
  let tokens = 0;
  for (const unit of units) {
    if (current.length > 0 && tokens + unit.tokens > maxTokens) {
      chunks.push(current);
      current = [];
      tokens = 0;
    }
    current.push(unit);
    tokens += unit.tokens;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Counts each packed chunk for real: tokenizers may merge across unit boundaries, so
 * the sum of parts is an estimate. A chunk over budget is split between its units.
 */
async function verify(text: string, packed: Unit[][], maxTokens: number, count: CountTokens): Promise<TextChunk[]> {
  const slices = packed.map((units) => text.slice(units[0]!.range[0], units.at(-1)!.range[1]));
  const tokens = await count(slices);
  const out: TextChunk[] = [];
  for (const [i, units] of packed.entries()) {
    const t = tokens[i] ?? 0;
    if (t > maxTokens && units.length > 1) {
      const half = Math.ceil(units.length / 2);
      // A loop, not push(...): a long page has more chunks than a call may take arguments.
      for (const chunk of await verify(text, [units.slice(0, half), units.slice(half)], maxTokens, count))
        out.push(chunk);
      continue;
    }
    const [start, end] = [units[0]!.range[0], units.at(-1)!.range[1]];
    out.push({ text: slices[i]!, start, end, tokens: t, words: countWords(slices[i]!) });
  }
  return out;
}
