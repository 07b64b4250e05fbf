/**
 * Validation of engine calls arriving over a runtime port. Only extension pages may
 * connect (see `serveEngine`), yet everything they send is still checked before Comlink
 * sees it: only known methods, only calls (no property writes), arguments of the right
 * shape and size. A panel showing hostile page text must not become a way to drive the
 * engine with anything else. Returns a reason to refuse, or `null`.
 */
import type { EngineAdminApi } from '@/lib/engine';
import { isAllowedModelHost } from '@/lib/settings';
import { MODEL_DTYPES, isModelId } from '@/models';
import { hasOnlyKeys, isRecord, isWireReply, isWireRequest } from './comlink-wire';

/** The methods callers may use: `EngineAdminApi`'s, no more (tests/unit/engine-api.test-d.ts keeps them equal). */
export const ENGINE_METHODS = [
  'status',
  'watchStatus',
  'load',
  'generate',
  'countTokens',
  'cancel',
  'unload',
  'listCached',
  'deleteCached',
  'download',
  'cancelDownload',
  'checkHost',
  'askCloud',
] as const satisfies readonly (keyof EngineAdminApi)[];
export type EngineMethod = (typeof ENGINE_METHODS)[number];

const ROLES = ['system', 'user', 'assistant'];
const DTYPES: readonly string[] = MODEL_DTYPES;
const DEVICES = ['auto', 'webgpu', 'wasm'];
/** About 4 MB of text: far beyond any context window, small enough to refuse abuse. */
export const MAX_CONTENT_CHARS = 4_000_000;
/** Most texts one `countTokens` call may carry; callers with more batch them (`countTokensInBatches`). */
export const MAX_TEXTS_PER_COUNT = 10_000;
const MAX_MESSAGES = 500;

/** An argument as it arrives: a plain value, or a marker for a callback. */
type Arg = { kind: 'value'; value: unknown } | { kind: 'callback' };
type ArgCheck = (args: Arg[]) => string | null;

const ARG_CHECKS: Record<EngineMethod, ArgCheck> = {
  status: (args) => arity(args, 0, 0),
  watchStatus: (args) => arity(args, 1, 1) ?? callback(args[0], 'listener', false),
  load: (args) =>
    arity(args, 1, 3) ??
    value(args[0], 'modelId', isModelId) ??
    value(args[1], 'options', isLoadOptions, true) ??
    callback(args[2], 'onProgress', true),
  generate: (args) =>
    arity(args, 1, 2) ?? value(args[0], 'request', generateRequestProblem) ?? callback(args[1], 'onChunk', true),
  countTokens: (args) => arity(args, 1, 1) ?? value(args[0], 'texts', isTextList),
  cancel: (args) => arity(args, 1, 1) ?? value(args[0], 'requestId', isRequestId),
  unload: (args) => arity(args, 0, 0),
  listCached: (args) => arity(args, 0, 0),
  deleteCached: (args) => arity(args, 1, 1) ?? value(args[0], 'modelId', isModelId),
  download: (args) =>
    arity(args, 1, 3) ??
    value(args[0], 'modelId', isModelId) ??
    value(args[1], 'options', isLoadOptions, true) ??
    callback(args[2], 'onProgress', true),
  cancelDownload: (args) => arity(args, 1, 1) ?? value(args[0], 'modelId', isModelId),
  checkHost: (args) => arity(args, 2, 2) ?? value(args[0], 'host', isModelHost) ?? value(args[1], 'modelId', isModelId),
  askCloud: (args) =>
    arity(args, 1, 2) ?? value(args[0], 'request', cloudRequestProblem) ?? callback(args[1], 'onChunk', true),
};

/** Checks a call on the engine's root channel: a known method with well-formed arguments. */
export function checkEngineCall(message: unknown): string | null {
  if (!isWireRequest(message)) return 'not an engine call';
  if (message.type === 'RELEASE') return hasOnlyKeys(message, ['id', 'type']) ? null : 'unexpected fields';
  if (message.type !== 'APPLY') return `"${message.type}" is not allowed; only method calls are`;
  if (!hasOnlyKeys(message, ['id', 'type', 'path', 'argumentList'])) return 'unexpected fields';
  const path = message.path;
  if (!Array.isArray(path) || path.length !== 1 || typeof path[0] !== 'string') return 'bad method path';
  const method = path[0] as EngineMethod;
  if (!(ENGINE_METHODS as readonly string[]).includes(method)) return `method "${path[0]}" is not available`;
  if (!Array.isArray(message.argumentList)) return 'missing arguments';
  const args: Arg[] = [];
  for (const wire of message.argumentList) {
    if (!isRecord(wire) || !hasOnlyKeys(wire, ['type', 'name', 'value'])) return 'bad argument';
    if (wire.type === 'RAW') args.push({ kind: 'value', value: wire.value });
    else if (wire.type === 'HANDLER' && wire.name === 'proxy' && isRecord(wire.value)) args.push({ kind: 'callback' });
    else return 'bad argument';
  }
  const problem = ARG_CHECKS[method](args);
  return problem ? `${method}: ${problem}` : null;
}

/** On a callback channel the engine is the caller, so the other side may only reply. */
export function checkCallbackReply(message: unknown): string | null {
  if (!isWireReply(message)) return 'only replies are expected here';
  if (!hasOnlyKeys(message, ['id', 'type', 'name', 'value'])) return 'unexpected fields';
  if (message.type === 'HANDLER' && message.name !== 'throw') return 'unexpected handler in reply';
  return null;
}

function arity(args: Arg[], min: number, max: number): string | null {
  return args.length < min || args.length > max ? `expected ${min}–${max} arguments, got ${args.length}` : null;
}

function value(
  arg: Arg | undefined,
  name: string,
  test: (v: unknown) => boolean | string | null,
  optional = false,
): string | null {
  if (arg === undefined || (arg.kind === 'value' && arg.value === undefined))
    return optional ? null : `${name} is required`;
  if (arg.kind !== 'value') return `${name} must be a value`;
  const verdict = test(arg.value);
  if (verdict === true || verdict === null) return null;
  return typeof verdict === 'string' ? `${name}: ${verdict}` : `${name} is malformed`;
}

function callback(arg: Arg | undefined, name: string, optional: boolean): string | null {
  if (arg === undefined || (arg.kind === 'value' && arg.value === undefined))
    return optional ? null : `${name} is required`;
  return arg.kind === 'callback' ? null : `${name} must be a callback`;
}

const isTextList = (v: unknown) =>
  Array.isArray(v) &&
  v.length <= MAX_TEXTS_PER_COUNT &&
  v.every((t) => typeof t === 'string') &&
  v.reduce((sum: number, t: string) => sum + t.length, 0) <= MAX_CONTENT_CHARS;
/** A normalised model host: an allowed http(s) URL ending in `/`, with no query or fragment. */
const isModelHost = (v: unknown) => {
  if (typeof v !== 'string' || !v.endsWith('/') || !URL.canParse(v)) return false;
  const url = new URL(v);
  return isAllowedModelHost(url) && url.href === v && !url.search && !url.hash && !url.username;
};
const isRequestId = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 128;
const isOptionalInt = (v: unknown, min: number, max: number) =>
  v === undefined || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
const isOptionalNumber = (v: unknown, min: number, max: number) =>
  v === undefined || (typeof v === 'number' && v >= min && v <= max);

function isLoadOptions(v: unknown): boolean {
  if (!isRecord(v) || !hasOnlyKeys(v, ['device', 'dtype', 'storedOnly'])) return false;
  return (
    (v.device === undefined || DEVICES.includes(v.device as string)) &&
    (v.dtype === undefined || DTYPES.includes(v.dtype as string)) &&
    (v.storedOnly === undefined || typeof v.storedOnly === 'boolean')
  );
}

/** Returns what is wrong with a generate request, or null. */
export function generateRequestProblem(v: unknown): string | null {
  if (!isRecord(v)) return 'must be an object';
  if (!isRequestId(v.requestId)) return 'requestId must be a short string';
  if (v.modelId !== undefined && !isModelId(v.modelId)) return 'modelId must look like "owner/name"';
  const messages = messagesProblem(v.messages);
  if (messages) return messages;
  if (!isOptionalInt(v.maxNewTokens, 1, 32_768)) return 'maxNewTokens must be 1–32768';
  if (!isOptionalInt(v.minNewTokens, 0, 32_768)) return 'minNewTokens must be 0–32768';
  if (!isOptionalNumber(v.temperature, 0, 2)) return 'temperature must be 0–2';
  if (!isOptionalNumber(v.topP, 0, 1)) return 'topP must be 0–1';
  return null;
}

function messagesProblem(messages: unknown): string | null {
  if (!Array.isArray(messages) || messages.length === 0 || messages.length > MAX_MESSAGES) {
    return `messages must be a list of 1–${MAX_MESSAGES} messages`;
  }
  let chars = 0;
  for (const message of messages) {
    if (!isRecord(message) || !ROLES.includes(message.role as string) || typeof message.content !== 'string') {
      return 'each message needs a role (system/user/assistant) and text content';
    }
    chars += message.content.length;
  }
  return chars > MAX_CONTENT_CHARS ? `messages are too long (${chars} characters)` : null;
}

const FEATURE_NAMES = ['chat', 'summary', 'draft'];
const isShortText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** Returns what is wrong with a cloud request, or null. Which provider it may go to is the engine's check. */
export function cloudRequestProblem(v: unknown): string | null {
  const keys = ['requestId', 'feature', 'site', 'provider', 'messages', 'maxNewTokens', 'redactions'];
  if (!isRecord(v) || !hasOnlyKeys(v, keys)) return 'must be an object with the cloud request fields';
  if (!isRequestId(v.requestId)) return 'requestId must be a short string';
  if (!FEATURE_NAMES.includes(v.feature as string)) return 'feature must be chat, summary or draft';
  if (v.site !== null && !isShortText(v.site, 253)) return 'site must be a hostname or null';
  const provider = v.provider;
  if (!isRecord(provider) || !hasOnlyKeys(provider, ['name', 'baseUrl', 'model'])) return 'provider is malformed';
  if (!isShortText(provider.name, 60) || !isShortText(provider.model, 200)) return 'provider is malformed';
  if (typeof provider.baseUrl !== 'string' || !URL.canParse(provider.baseUrl)) return 'provider.baseUrl must be a URL';
  const messages = messagesProblem(v.messages);
  if (messages) return messages;
  if (!isOptionalInt(v.maxNewTokens, 1, 1_000_000) || v.maxNewTokens === undefined) {
    return 'maxNewTokens must be 1–1000000';
  }
  if (!isOptionalInt(v.redactions, 0, 1_000_000) || v.redactions === undefined) return 'redactions must be a count';
  return null;
}
