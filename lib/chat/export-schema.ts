/**
 * Strict checks for imported chat threads. An import file may be hand-edited or come
 * from elsewhere, so every field is checked and unknown keys are refused: what gets
 * stored is exactly what {@link ChatThreadRecord} describes, and nothing else.
 */
import type { AnswerOrigin } from '@/lib/answer';
import type { ChatMessageRecord, ChatThreadRecord, ContextUse } from '@/lib/store';
import { i18n } from '@/lib/i18n';
import { isModelId } from '@/models';

/** A problem with an import file, with a message fit to show the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

type Json = Record<string, unknown>;

const MAX_ID_LENGTH = 200;
const ROLES: readonly string[] = ['user', 'assistant'] satisfies ChatMessageRecord['role'][];
const STATUSES: readonly string[] = ['complete', 'stopped', 'error'] satisfies NonNullable<
  ChatMessageRecord['status']
>[];
const MODES: readonly string[] = ['whole', 'relevant', 'leading', 'none'] satisfies ContextUse['mode'][];

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `value` is an object with only `allowed` keys; `where` prefixes the message ("Thread 2"). */
export function expectObject(value: unknown, allowed: readonly string[], where: string): Json {
  if (!isObject(value)) throw new ImportError(i18n.t('importErrors.notObject', [where]));
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw new ImportError(i18n.t('importErrors.unexpectedField', [where, extra]));
  return value;
}

/** "Thread 2, message 3: role must be user or assistant." (`rule` is an `importErrors.rule` message). */
export function fail(where: string, field: string, rule: string): never {
  throw new ImportError(i18n.t('importErrors.field', [where, field, rule]));
}

function checkString(value: Json, field: string, where: string): void {
  if (typeof value[field] !== 'string') fail(where, field, i18n.t('importErrors.rule.text'));
}

/** Threads are about web pages; anything else in a file (javascript:, data:) was not made by Edgewise. */
function checkWebAddress(value: Json, field: string, where: string): void {
  const url = value[field];
  if (typeof url !== 'string' || !/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
    fail(where, field, i18n.t('importErrors.rule.webAddress'));
  }
}

function checkId(value: Json, field: string, where: string): void {
  const id = value[field];
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    fail(where, field, i18n.t('importErrors.rule.id', [MAX_ID_LENGTH]));
  }
}

/** Timestamps and counts: `NaN`, infinities and negatives never come from Edgewise itself. */
function checkNumber(value: Json, field: string, where: string, integer = false): void {
  const n = value[field];
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    fail(where, field, i18n.t(integer ? 'importErrors.rule.wholeNumber' : 'importErrors.rule.number'));
  }
}

function checkOneOf(value: Json, field: string, allowed: readonly string[], where: string): void {
  const v = value[field];
  if (typeof v !== 'string' || !allowed.includes(v)) {
    const choices = allowed.reduce((list, next) => i18n.t('importErrors.rule.or', [list, next]));
    fail(where, field, i18n.t('importErrors.rule.oneOf', [choices]));
  }
}

function checkArray(value: Json, field: string, where: string): unknown[] {
  const v = value[field];
  if (!Array.isArray(v)) fail(where, field, i18n.t('importErrors.rule.list'));
  return v;
}

function checkContext(value: unknown, where: string): asserts value is ContextUse {
  const contextWhere = i18n.t('importErrors.where.context', [where]);
  const context = expectObject(
    value,
    ['mode', 'parts', 'totalParts', 'words', 'totalWords', 'remembered'],
    contextWhere,
  );
  checkOneOf(context, 'mode', MODES, contextWhere);
  for (const field of ['totalParts', 'words', 'totalWords']) checkNumber(context, field, contextWhere, true);
  checkArray(context, 'parts', contextWhere).forEach((item, i) => {
    const partWhere = i18n.t('importErrors.where.contextPart', [where, i + 1]);
    const part = expectObject(item, ['index', 'words', 'preview'], partWhere);
    checkNumber(part, 'index', partWhere, true);
    checkNumber(part, 'words', partWhere, true);
    checkString(part, 'preview', partWhere);
  });
  if ('remembered' in context) {
    checkArray(context, 'remembered', contextWhere).forEach((item, i) => {
      const pageWhere = i18n.t('importErrors.where.rememberedPage', [where, i + 1]);
      const page = expectObject(item, ['url', 'title', 'visitedAt', 'parts'], pageWhere);
      checkWebAddress(page, 'url', pageWhere);
      checkString(page, 'title', pageWhere);
      checkNumber(page, 'visitedAt', pageWhere);
      checkNumber(page, 'parts', pageWhere, true);
    });
  }
}

function checkMessage(value: unknown, where: string): asserts value is ChatMessageRecord {
  const message = expectObject(
    value,
    ['id', 'role', 'text', 'createdAt', 'status', 'error', 'modelId', 'context', 'origin'],
    where,
  );
  checkString(message, 'id', where);
  checkOneOf(message, 'role', ROLES, where);
  checkString(message, 'text', where);
  checkNumber(message, 'createdAt', where);
  // Optional fields are absent, never `null`: JSON has no `undefined`, and Edgewise omits them.
  if ('status' in message) checkOneOf(message, 'status', STATUSES, where);
  if ('error' in message) checkString(message, 'error', where);
  if ('modelId' in message && !isModelId(message.modelId)) fail(where, 'modelId', i18n.t('importErrors.rule.modelId'));
  if ('context' in message) checkContext(message.context, where);
  if ('origin' in message) checkOrigin(message.origin, where);
}

const DEVICES: readonly string[] = ['webgpu', 'wasm'];

/** Where an answer ran: this device (model, device, speed), Chrome's built-in AI, or a cloud provider (name, model, counts). */
function checkOrigin(value: unknown, where: string): asserts value is AnswerOrigin {
  const kind = isObject(value) ? value.kind : undefined;
  if (kind === 'builtin') {
    expectObject(value, ['kind'], where);
    return;
  }
  if (kind === 'device') {
    const origin = expectObject(value, ['kind', 'modelId', 'device', 'tokensPerSecond'], where);
    if (!isModelId(origin.modelId)) fail(where, 'origin.modelId', i18n.t('importErrors.rule.modelId'));
    checkOneOf(origin, 'device', DEVICES, where);
    checkNumber(origin, 'tokensPerSecond', where);
    return;
  }
  const origin = expectObject(
    value,
    ['kind', 'provider', 'model', 'tokensSent', 'tokensEstimated', 'redactions'],
    where,
  );
  checkOneOf(origin, 'kind', ['device', 'builtin', 'cloud'], where);
  checkString(origin, 'provider', where);
  checkString(origin, 'model', where);
  checkNumber(origin, 'tokensSent', where, true);
  checkNumber(origin, 'redactions', where, true);
  if (typeof origin.tokensEstimated !== 'boolean') fail(where, 'tokensEstimated', i18n.t('importErrors.rule.boolean'));
}

/** Throws an {@link ImportError} naming the thread (1-based `position`) unless `value` is a valid thread. */
export function checkThread(value: unknown, position: number): asserts value is ChatThreadRecord {
  const where = i18n.t('importErrors.where.thread', [position]);
  const thread = expectObject(value, ['id', 'url', 'title', 'createdAt', 'updatedAt', 'messages'], where);
  checkId(thread, 'id', where);
  checkWebAddress(thread, 'url', where);
  checkString(thread, 'title', where);
  checkNumber(thread, 'createdAt', where);
  checkNumber(thread, 'updatedAt', where);
  checkArray(thread, 'messages', where).forEach((message, i) =>
    checkMessage(message, i18n.t('importErrors.where.message', [where, i + 1])),
  );
}

function copyContext(context: ContextUse): ContextUse {
  const copy: ContextUse = {
    mode: context.mode,
    parts: context.parts.map(({ index, words, preview }) => ({ index, words, preview })),
    totalParts: context.totalParts,
    words: context.words,
    totalWords: context.totalWords,
  };
  if (context.remembered !== undefined) {
    copy.remembered = context.remembered.map(({ url, title, visitedAt, parts }) => ({ url, title, visitedAt, parts }));
  }
  return copy;
}

function copyMessage(message: ChatMessageRecord): ChatMessageRecord {
  const copy: ChatMessageRecord = {
    id: message.id,
    role: message.role,
    text: message.text,
    createdAt: message.createdAt,
  };
  // Only keys that are present, so an absent optional stays absent (the round trip is exact).
  if (message.status !== undefined) copy.status = message.status;
  if (message.error !== undefined) copy.error = message.error;
  if (message.modelId !== undefined) copy.modelId = message.modelId;
  if (message.context !== undefined) copy.context = copyContext(message.context);
  if (message.origin !== undefined) copy.origin = { ...message.origin };
  return copy;
}

/** A deep copy holding only the known fields of a thread. */
export function copyThread(thread: ChatThreadRecord): ChatThreadRecord {
  return {
    id: thread.id,
    url: thread.url,
    title: thread.title,
    createdAt: thread.createdAt,
    updatedAt: thread.updatedAt,
    messages: thread.messages.map(copyMessage),
  };
}
