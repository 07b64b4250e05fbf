/**
 * The engine's API: declared once, implemented by the offscreen model host and called
 * through Comlink from extension pages (content scripts are refused; see
 * lib/messaging/engine-host.ts). Everything here crosses
 * contexts as JSON, so it is plain data (no classes, no bigint, no undefined-only meaning).
 */
import type { ModelDevice, ModelDtype } from '@/models';
import type { DevicePreference } from '@/lib/settings';
import type { HostCheck } from './host-check';
import type { CachedModel } from './model-cache';

export type { CachedModel, HostCheck };

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Bytes of one model file so far. `total` is 0 until the server says. */
export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
  /** `network` while downloading; `cache` when read back from IndexedDB. */
  source: 'network' | 'cache';
}

export interface DownloadProgress {
  modelId: string;
  /** The file this event is about. */
  current: FileProgress;
  /** Every file seen so far in this load, by path. */
  files: Record<string, FileProgress>;
  loaded: number;
  total: number;
}

/** Why the last model left memory, so the panel can say "unloaded after 10 idle minutes". */
export interface UnloadNote {
  modelId: string;
  reason: 'idle' | 'request' | 'deleted';
  at: number;
}

export type EngineStatus =
  | { state: 'idle'; unloaded?: UnloadNote }
  | { state: 'downloading'; modelId: string; progress: DownloadProgress }
  | { state: 'loading'; modelId: string; device: ModelDevice }
  | { state: 'ready'; modelId: string; device: ModelDevice; dtype: ModelDtype | 'default' }
  | { state: 'generating'; modelId: string; device: ModelDevice; requestId: string }
  | { state: 'error'; message: string; modelId?: string };

export interface LoadOptions {
  device?: DevicePreference;
  dtype?: ModelDtype;
  /**
   * Load from IndexedDB only: refuse (with `ModelNotStoredError`) rather than fetch a
   * missing file. Features that run without the panel's model offer (form drafts) set it,
   * so nothing is downloaded without the user's yes.
   */
  storedOnly?: boolean;
}

export interface LoadResult {
  modelId: string;
  device: ModelDevice;
  dtype: ModelDtype | 'default';
  /** Tokens the model accepts (prompt + answer), from the catalog or the model's config. */
  contextWindow: number;
  /** Files that had to be downloaded (the rest came from IndexedDB). */
  downloadedFiles: string[];
  loadMs: number;
  /** Set when `auto` wanted WebGPU but had to fall back to WASM, with the reason. */
  fallbackReason?: string;
}

export interface DownloadResult {
  modelId: string;
  /** The device and dtype the download was chosen for (what a load here will use). */
  device: ModelDevice;
  dtype: ModelDtype | 'default';
  /** Every file the model needs. */
  files: string[];
  /** Files fetched now (the rest were already stored, e.g. from an interrupted download). */
  downloadedFiles: string[];
  bytes: number;
  ms: number;
}

export interface GenerateRequest {
  /** Caller-chosen id, unique per request; `cancel(requestId)` refers to it. */
  requestId: string;
  messages: ChatMessage[];
  /** Load this model first if another (or none) is loaded. Defaults to the loaded model. */
  modelId?: string;
  maxNewTokens?: number;
  /** Forces at least this many tokens (benchmarks compare equal token counts). */
  minNewTokens?: number;
  /** 0 (the default) is greedy and deterministic. */
  temperature?: number;
  topP?: number;
}

export type FinishReason = 'stop' | 'length' | 'cancelled';

export interface GenerateResult {
  requestId: string;
  /** The model that wrote the answer; '' when the request was cancelled before it started. */
  modelId: string;
  /** Where it ran; null when the request was cancelled before it started. */
  device: ModelDevice | null;
  text: string;
  finishReason: FinishReason;
  promptTokens: number;
  completionTokens: number;
  /** Time to first token, from when the request reached the front of the queue. */
  ttftMs: number;
  /** Time spent waiting behind other requests. */
  queuedMs: number;
  totalMs: number;
  /** Decode speed, excluding the prompt (prefill). */
  tokensPerSecond: number;
}

/** Receives streamed text; each call carries the next piece, in order. */
export type ChunkListener = (chunk: string) => void;
export type ProgressListener = (progress: DownloadProgress) => void;
export type StatusListener = (status: EngineStatus) => void;

/** What answering needs of the engine: status, loading, generation and token counts. */
export interface EngineApi {
  status(): Promise<EngineStatus>;
  /** Calls `listener` on every status change until the returned unsubscribe is called. */
  watchStatus(listener: StatusListener): Promise<() => void>;
  load(modelId: string, options?: LoadOptions, onProgress?: ProgressListener): Promise<LoadResult>;
  generate(request: GenerateRequest, onChunk?: ChunkListener): Promise<GenerateResult>;
  /**
   * Token counts of each text with the loaded model's tokenizer (no special tokens), for
   * callers that must fit text into the context window. Fails if no model is loaded.
   */
  countTokens(texts: string[]): Promise<number[]>;
  /** Stops a running request within one token, or drops it from the queue. False if unknown. */
  cancel(requestId: string): Promise<boolean>;
}

/** Where a cloud request goes: what the user configured, and what the consent sheet named. */
export interface CloudProvider {
  /** What the user sees ("OpenRouter", "My vLLM"). */
  name: string;
  /** Ends with `/`; `chat/completions` is joined onto it. */
  baseUrl: string;
  model: string;
}

/**
 * Why a cloud answer failed. `changed` and `notConfigured` mean nothing was sent: the
 * provider is not the one the user agreed to, or there is none any more.
 */
export type CloudFailureKind =
  'auth' | 'rateLimit' | 'server' | 'refused' | 'network' | 'cut' | 'timeout' | 'changed' | 'notConfigured';

export interface CloudFailure {
  kind: CloudFailureKind;
  /** The HTTP status, or 0 when there was no response. */
  status: number;
  /** From a 429's `retry-after` header (seconds or a date); null when it sent none. */
  retryAfterSeconds: number | null;
  /** The provider's own words (its error message), at most 300 characters. Never the key. */
  detail: string;
}

/** One request to the cloud provider, already agreed to and redacted in the panel. */
export interface CloudRequest {
  /** Caller-chosen id, unique per request; `cancel(requestId)` stops it. */
  requestId: string;
  feature: 'chat' | 'summary' | 'draft';
  /** The page's site, for the egress log; null for none. */
  site: string | null;
  /** The provider the consent sheet named: if the settings now say otherwise, nothing is sent. */
  provider: CloudProvider;
  /** Sent exactly as given: what the consent sheet showed. */
  messages: ChatMessage[];
  maxNewTokens: number;
  /** How many values were replaced by placeholders, for the egress log. */
  redactions: number;
}

export interface CloudResult {
  requestId: string;
  provider: CloudProvider;
  /** Everything that arrived, also when it failed or was stopped. */
  text: string;
  finishReason: FinishReason | 'error';
  promptTokens: number;
  completionTokens: number;
  /** True when the provider sent no usage and the counts are estimated from bytes. */
  tokensEstimated: boolean;
  bytesSent: number;
  ttftMs: number;
  totalMs: number;
  error: CloudFailure | null;
}

/** What this device's engine offers: answering, plus unloading and managing the weights store. */
export interface DeviceEngineApi extends EngineApi {
  /** Frees the loaded model's memory. */
  unload(): Promise<void>;
  listCached(): Promise<CachedModel[]>;
  /** Deletes a model's files; returns the bytes freed. Unloads it first if it is loaded. */
  deleteCached(modelId: string): Promise<number>;
  /**
   * Stores a model's files without loading it into memory, with byte progress. Files
   * already stored are skipped, so an interrupted download resumes where it stopped.
   */
  download(modelId: string, options?: LoadOptions, onProgress?: ProgressListener): Promise<DownloadResult>;
  /** Stops a queued or running download; false if there is none for this model. */
  cancelDownload(modelId: string): Promise<boolean>;
  /** Whether `host` answers for `modelId` as a model host should ("Test connection"). */
  checkHost(host: string, modelId: string): Promise<HostCheck>;
}

/**
 * Everything the offscreen document offers its callers, the extension's pages: this
 * device's engine, and requests to the cloud provider the user chose (issue 14), so the
 * panel itself never fetches. `ENGINE_METHODS` (lib/messaging/validate.ts) is exactly this
 * list, and a type-level test keeps the two equal.
 */
export interface EngineAdminApi extends DeviceEngineApi {
  /** Sends one agreed cloud request and streams its answer; failures are in the result, with the partial text. */
  askCloud(request: CloudRequest, onChunk?: ChunkListener): Promise<CloudResult>;
}
