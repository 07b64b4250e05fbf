/**
 * Download failures in plain words, with what to do next (issue 11: the first-run error was a
 * raw stack of URLs in bold red, with only "Try again"). The engine's own message stays
 * available as the detail; it names files and hosts for whoever needs them.
 */
import { i18n } from '@/lib/i18n';
import { HUGGING_FACE_HUB } from '@/lib/settings';

/** What the user can do about it: try again, change the model host, pick another model. */
export type NextStep = 'retry' | 'settings' | 'models';

export interface PlainError {
  text: string;
  steps: NextStep[];
  /** The original message. */
  detail: string;
}

/** The first http(s) address's host in `message`; the Hugging Face hub's (the default) when it names none. */
function hostIn(message: string): string {
  const url = /https?:\/\/[^\s"')]+/.exec(message)?.[0];
  return url && URL.canParse(url) ? new URL(url).host : new URL(HUGGING_FACE_HUB).host;
}

/** Says what went wrong with downloading `modelName`, and what can be done. */
export function explainDownloadError(message: string, modelName: string): PlainError {
  const plain = (text: string, steps: NextStep[]): PlainError => ({ text, steps, detail: message });
  // A cancelled download's message already says what happens next.
  if (/cancel/i.test(message)) return { text: message, steps: ['retry'], detail: '' };
  if (/was not found on/i.test(message))
    return plain(i18n.t('plainErrors.notFound', [hostIn(message), modelName]), ['models', 'settings']);
  // The engine's own words (lib/engine/downloader.ts): Comlink keeps an error's message, not its name.
  if (/not enough disk space|of storage is free|QuotaExceeded/i.test(message))
    return plain(i18n.t('plainErrors.noSpace', [modelName]), ['models', 'retry']);
  if (/SHA-256|corrupt/i.test(message)) return plain(i18n.t('plainErrors.damaged'), ['retry']);
  if (/download stopped at/i.test(message)) return plain(i18n.t('plainErrors.dropped'), ['retry']);
  if (/EngineDisconnected|connection to the Edgewise engine/i.test(message))
    return plain(i18n.t('plainErrors.engine'), ['retry']);
  if (/Could not reach|Failed to fetch|NetworkError|ERR_[A-Z_]+/i.test(message))
    return plain(i18n.t('plainErrors.unreachable', [hostIn(message)]), ['retry', 'settings', 'models']);
  return { text: message, steps: ['retry'], detail: '' };
}
