/**
 * Chrome's `i18n.getMessage`, for Node. A port of what Chromium does with `_locales/<lang>/messages.json`:
 * at load (extensions/common/message_bundle.cc) every name must be `[A-Za-z0-9_@]+`, named placeholders
 * (`$name$`) are replaced by their `content`, and a `$name$` that no placeholder defines makes Chrome refuse
 * the whole extension; then on each call (base::ReplaceStringPlaceholders) `$1`…`$9` take the substitutions
 * and a run of n `$` gives n − 1 of them.
 */
import type { ChromeMessage } from '@wxt-dev/i18n/build';

/** Message names (lower case, as Chrome keys them) and their text once placeholders are applied. */
export type ChromeDictionary = ReadonlyMap<string, string>;

const VALID_NAME = /^[A-Za-z0-9_@]+$/;

/**
 * Chrome's load step. Throws where Chrome would refuse the extension, naming the message.
 * `reserved` holds the `@@` messages Chrome adds itself.
 */
export function loadChromeMessages(
  messages: Record<string, ChromeMessage>,
  reserved: Record<string, string> = {},
): ChromeDictionary {
  const dictionary = new Map<string, string>();
  for (const [name, { message, placeholders }] of Object.entries(messages)) {
    if (!VALID_NAME.test(name)) throw new Error(`Chrome refuses the message name "${name}".`);
    if (typeof message !== 'string') throw new Error(`Message "${name}" has no text.`);
    const contents = new Map<string, string>();
    for (const [placeholder, { content }] of Object.entries(placeholders ?? {})) {
      if (!VALID_NAME.test(placeholder)) throw new Error(`Chrome refuses placeholder "${placeholder}" of "${name}".`);
      contents.set(placeholder.toLowerCase(), content);
    }
    dictionary.set(name.toLowerCase(), applyPlaceholders(name, message, contents));
  }
  for (const [name, value] of Object.entries(reserved)) {
    if (dictionary.has(name)) throw new Error(`Chrome refuses the reserved message name "${name}".`);
    dictionary.set(name, value);
  }
  return dictionary;
}

/** MessageBundle::ReplaceVariables with `$` on both sides. */
function applyPlaceholders(key: string, message: string, contents: ReadonlyMap<string, string>): string {
  let text = message;
  let begin = 0;
  for (;;) {
    const start = text.indexOf('$', begin);
    if (start === -1) return text;
    begin = start + 1;
    if (begin >= text.length) return text;
    const end = text.indexOf('$', begin);
    if (end === -1) return text;
    const name = text.slice(begin, end);
    if (!VALID_NAME.test(name)) continue;
    const content = contents.get(name.toLowerCase());
    if (content === undefined) {
      throw new Error(
        `Chrome refuses the extension: message "${key}" reads "$${name}$" as a placeholder it does not define ("${message}").`,
      );
    }
    text = text.slice(0, start) + content + text.slice(end + 1);
    begin = start + content.length;
  }
}

/** base::ReplaceStringPlaceholders, not strict: an unknown `$x` and a trailing `$` vanish, a missing `$n` is empty. */
export function substitute(message: string, substitutions: readonly string[]): string {
  let out = '';
  for (let i = 0; i < message.length; i++) {
    const c = message[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    if (i + 1 === message.length) continue;
    i++;
    const next = message[i]!;
    if (next === '$') {
      while (i < message.length && message[i] === '$') {
        out += '$';
        i++;
      }
      i--;
    } else if (next >= '1' && next <= '9') {
      out += substitutions[Number(next) - 1] ?? '';
    }
  }
  return out;
}

/** `chrome.i18n.getMessage` over `dictionary`: '' for an unknown name, undefined for more than 9 substitutions. */
export function getMessageFrom(
  dictionary: ChromeDictionary,
  name: string,
  substitutions?: string | readonly (string | number)[],
  options?: { escapeLt?: boolean },
): string {
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  if (subs.length > 9) return undefined as unknown as string;
  const message = dictionary.get(String(name).toLowerCase());
  if (message === undefined) return '';
  const text = substitute(
    message,
    subs.map((s) => String(s)),
  );
  return options?.escapeLt ? text.replaceAll('<', '&lt;') : text;
}
