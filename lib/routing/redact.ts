/**
 * Redaction before a cloud request (issue 14): the user's profile values, email
 * addresses, phone numbers, card and IBAN numbers and street addresses become
 * placeholders (`[EMAIL_1]`); the same value is the same placeholder in every message.
 * The mapping stays in the panel: placeholders in the reply are put back here, on the
 * device, also when the model writes them a little differently (`[email 1]`, `EMAIL_1`,
 * markdown-escaped `\[EMAIL\_1\]`).
 */
import type { ChatMessage } from '@/lib/engine';
import type { ProfileRecord } from '@/lib/store';
import { KIND_ORDER, findAll, profileValues, resolveOverlaps, sameValueKey, type RedactionKind } from './find-personal';

/** One value taken out, and where its placeholder sits in the redacted text. */
export interface Redaction {
  placeholder: string;
  kind: RedactionKind;
  /** The value as it was in the text (the first time it was met). */
  value: string;
}

/** A message as it will be sent, with where each placeholder is (for the consent sheet's highlights). */
export interface RedactedMessage extends ChatMessage {
  marks: { start: number; end: number }[];
}

export interface RedactionResult {
  messages: RedactedMessage[];
  /** One per distinct value, in order of first appearance. Never leaves the device. */
  redactions: Redaction[];
}

const PLACEHOLDER_NAMES = KIND_ORDER.map((kind) => kind.toUpperCase()).join('|');
/** Placeholders as sent and as models mangle them: case, a space or dash for the underscore, markdown escapes, a lost bracket. */
const PLACEHOLDER = new RegExp(
  String.raw`\\?\[\s*(${PLACEHOLDER_NAMES})(?:\\?_|[ -])(\d+)\s*\\?\]|(?<![\p{L}\p{N}_])(${PLACEHOLDER_NAMES})\\?_(\d+)(?![\p{N}])`,
  'giu',
);

/**
 * Redacts `messages` for a cloud request. A text that already holds placeholder-like
 * words (a page quoting "[EMAIL_1]") gets numbers after them, so restoring never puts a
 * value where the page had its own text.
 */
export function redactMessages(messages: readonly ChatMessage[], profiles: readonly ProfileRecord[]): RedactionResult {
  const values = profileValues(profiles);
  const taken = new Set<string>();
  for (const { content } of messages) {
    for (const match of content.matchAll(PLACEHOLDER))
      taken.add(`${(match[1] ?? match[3])!.toUpperCase()}_${match[2] ?? match[4]}`);
  }
  const byValue = new Map<string, Redaction>();
  const counts = new Map<RedactionKind, number>();
  const redactions: Redaction[] = [];
  const placeholderFor = (kind: RedactionKind, value: string): string => {
    const key = sameValueKey(kind, value);
    let redaction = byValue.get(key);
    if (!redaction) {
      let n = counts.get(kind) ?? 0;
      let name: string;
      do name = `${kind.toUpperCase()}_${++n}`;
      while (taken.has(name));
      counts.set(kind, n);
      redaction = { placeholder: `[${name}]`, kind, value };
      byValue.set(key, redaction);
      redactions.push(redaction);
    }
    return redaction.placeholder;
  };
  const redacted = messages.map(({ role, content }): RedactedMessage => {
    let out = '';
    let at = 0;
    const marks: RedactedMessage['marks'] = [];
    for (const match of resolveOverlaps(findAll(content, values))) {
      out += content.slice(at, match.start);
      const placeholder = placeholderFor(match.kind, content.slice(match.start, match.end));
      marks.push({ start: out.length, end: out.length + placeholder.length });
      out += placeholder;
      at = match.end;
    }
    return { role, content: out + content.slice(at), marks };
  });
  return { messages: redacted, redactions };
}

/** `text` with every placeholder of `redactions` put back (also mangled ones); unknown ones stay as written. */
export function restorePlaceholders(text: string, redactions: readonly Redaction[]): string {
  if (!redactions.length) return text;
  const values = new Map(redactions.map((r) => [r.placeholder.slice(1, -1), r.value]));
  return text.replace(PLACEHOLDER, (whole, kindA?: string, nA?: string, kindB?: string, nB?: string) => {
    return values.get(`${(kindA ?? kindB)!.toUpperCase()}_${nA ?? nB}`) ?? whole;
  });
}

/** Every start of a placeholder's name ("E", "EM", … "EMAIL"), longest first. */
const NAME_STARTS = [...new Set(KIND_ORDER.flatMap((kind) => [...kind].map((_, i) => kind.slice(0, kind.length - i))))]
  .sort((a, b) => b.length - a.length)
  .join('|');
/** How far from the end a placeholder could still be growing: an open `[`, or a word like `EMAIL_1` or `EMA`. */
const OPEN_TAIL = new RegExp(
  String.raw`(?:\\?\[[^\]\n]{0,24}|(?<![\p{L}\p{N}_])(?:${NAME_STARTS})(?:\\?_\d*)?|\\)$`,
  'iu',
);

/**
 * Restores a streamed reply piece by piece: a placeholder split across pieces is held
 * back until it is whole (or clearly is not one), so the user never sees `[EMA` flash by.
 */
export class StreamingRestorer {
  private held = '';

  constructor(private readonly redactions: readonly Redaction[]) {}

  /** The restored text that can be shown now. */
  push(piece: string): string {
    const text = this.held + piece;
    const tail = this.redactions.length ? (OPEN_TAIL.exec(text)?.[0] ?? '') : '';
    this.held = tail;
    return restorePlaceholders(text.slice(0, text.length - tail.length), this.redactions);
  }

  /** The end of the reply: whatever was held back. */
  flush(): string {
    const rest = restorePlaceholders(this.held, this.redactions);
    this.held = '';
    return rest;
  }
}
