/**
 * The one IndexedDB schema of Edgewise. Every context of the extension shares the
 * extension origin, so the offscreen engine, the side panel and the options page all
 * open this same database.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SourceMode } from '@/lib/extract';
import type { ModelDtype } from '@/models';
import type { AnswerOrigin } from '@/lib/answer';
import type { ProfileFields, ProfileLink } from '@/lib/profile/fields';

/** Metadata of one fully downloaded model file. Its bytes live in `modelChunks`. */
export interface ModelFileRecord {
  /**
   * `owner/repo@revision/path`, prefixed with the host unless it is the Hugging Face hub:
   * a model of the same name on another host is another model (see `parseModelFileUrl`).
   */
  key: string;
  /** The model host it was downloaded from; absent on records from before hosts were kept (the hub). */
  host?: string;
  modelId: string;
  revision: string;
  file: string;
  size: number;
  /** Hex SHA-256 of the bytes, comparable with the hub's LFS pointer (`oid sha256:`). */
  sha256: string;
  chunkCount: number;
  contentType: string;
  storedAt: number;
}

/** One slice of a model file. Large files are split so no single IndexedDB value is huge. */
export interface ModelChunkRecord {
  key: string;
  index: number;
  bytes: ArrayBuffer;
}

/** A finished (or stopped) page summary, part of the user's private browsing history. */
export interface SummaryRecord {
  id?: number;
  url: string;
  title: string;
  /** SHA-256 of the extracted text: an unchanged page with the same model reuses the summary. */
  contentHash: string;
  modelId: string;
  mode: SourceMode;
  text: string;
  /** False when the user stopped it or the engine failed; such summaries are not reused. */
  complete: boolean;
  /** What the user was told about coverage, e.g. "Summarized all 12,400 words." */
  coverage: string;
  /** Summary of each part, for a long page read in parts (empty when it fit in one). */
  parts: string[];
  createdAt: number;
}

/**
 * A finished model download (or load): the files it needed, so a model whose download was
 * interrupted is shown as partial, not as ready.
 */
export interface ModelDownloadRecord {
  modelId: string;
  /** The model host the files came from; absent on records from before hosts were kept (the hub). */
  host?: string;
  dtype: ModelDtype | 'default';
  files: string[];
  completedAt: number;
}

/** A single settings row, keyed by name; see `lib/settings`. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Which parts of the page an answer was given, shown under the answer ("Used parts 2, 5 of 12"). */
export interface ContextUse {
  /** `none`: page context was off or unavailable. */
  mode: 'whole' | 'relevant' | 'leading' | 'none';
  /** `index` is 0-based; `preview` is the part's first ~12 words. */
  parts: { index: number; words: number; preview: string }[];
  totalParts: number;
  words: number;
  totalWords: number;
  /** Remembered pages the answer was also given ("Also search my pages"), cited under it. */
  remembered?: RememberedUse[];
}

/** A remembered page an answer used: enough to cite it with a link and a date. */
export interface RememberedUse {
  url: string;
  title: string;
  visitedAt: number;
  /** How many of its parts went to the model. */
  parts: number;
}

/** One turn of a chat, stored inside its {@link ChatThreadRecord}. */
export interface ChatMessageRecord {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: number;
  /** Assistant messages: complete, stopped by the user (text is the partial answer), or failed (text is what arrived). */
  status?: 'complete' | 'stopped' | 'error';
  error?: string;
  modelId?: string;
  context?: ContextUse;
  /** Where the answer ran (this device, or which cloud provider), shown under it. */
  origin?: AnswerOrigin;
}

/** One conversation about one page (one tab + URL), part of the user's private history. */
export interface ChatThreadRecord {
  id: string;
  url: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Kept inline: a thread is always read and written whole, and search looks at every message anyway. */
  messages: ChatMessageRecord[];
}

/** Who the user is, for filling forms and drafting answers (issue 12). Never sent to a page unless picked. */
export interface ProfileRecord {
  id: string;
  /** What the user calls it: "Personal", "Work". */
  name: string;
  /** Exactly one profile is the default (the one autofill offers first). */
  isDefault: boolean;
  /** Values trimmed, as typed otherwise (a phone keeps its spaces); `country` is an ISO 3166-1 alpha-2 code. */
  fields: ProfileFields;
  /** Free links, https:// only. */
  links: ProfileLink[];
  /** Free-form notes (a CV summary, skills, preferences) the model may draft answers from. */
  about: string;
  createdAt: number;
  updatedAt: number;
}

/** Why a page is in memory: the user summarized or chatted about it, or kept it open (opt-in). */
export type MemoryReason = 'used' | 'read';

/** A remembered page; its text is in {@link MemoryPartRecord}s, so search reads only matching parts. */
export interface MemoryPageRecord {
  id?: number;
  /** Without the fragment: one record per page, updated when it is used again. */
  url: string;
  /** The hostname, for "Don't remember this site" and delete by site. */
  site: string;
  title: string;
  lang: string;
  reason: MemoryReason;
  /** When it was last used or read (retention and "last hour / day / week" go by this). */
  visitedAt: number;
  words: number;
  parts: number;
  /** UTF-16 bytes of the text and title, what the size cap counts. */
  bytes: number;
}

/** One part of a remembered page's text, with its search terms (a multi-entry index). */
export interface MemoryPartRecord {
  pageId: number;
  index: number;
  text: string;
  /** Distinct retrieval terms of `text` (`terms()` of lib/chat), indexed to find candidate parts. */
  terms: string[];
}

/**
 * A secret kept where no content script can read it (the extension's IndexedDB; content
 * scripts can read `chrome.storage.local`). Never exported, never logged.
 */
export interface SecretRecord {
  key: 'cloudApiKey';
  /** The origin the key was given for: it is sent nowhere else, even if the base URL changes. */
  origin: string;
  value: string;
  savedAt: number;
}

/** One request that left the device (issue 14's egress log): written before the request goes. */
export interface EgressRecord {
  id?: number;
  at: number;
  /** The provider's name as shown, its API origin and the model asked. */
  provider: string;
  origin: string;
  model: string;
  feature: 'chat' | 'summary' | 'draft';
  /** The site of the page the request was about, or null. */
  site: string | null;
  bytesSent: number;
  /** From the provider's usage when it sent one, else estimated (`tokensEstimated`). */
  tokensSent: number;
  bytesReceived: number;
  tokensReceived: number;
  tokensEstimated: boolean;
  redactions: number;
  status: 'sending' | 'ok' | 'stopped' | 'failed';
  httpStatus: number;
  /** The failure's kind (lib/cloud `CloudFailureKind`), when it failed. */
  error: string | null;
  ms: number;
}

/** Typed Dexie database; construct through {@link openDatabase}. */
export type EdgewiseDatabase = Dexie & {
  modelFiles: EntityTable<ModelFileRecord, 'key'>;
  modelChunks: Dexie.Table<ModelChunkRecord, [string, number]>;
  settings: EntityTable<SettingRecord, 'key'>;
  summaries: EntityTable<SummaryRecord, 'id'>;
  chatThreads: EntityTable<ChatThreadRecord, 'id'>;
  modelDownloads: EntityTable<ModelDownloadRecord, 'modelId'>;
  profiles: EntityTable<ProfileRecord, 'id'>;
  memoryPages: EntityTable<MemoryPageRecord, 'id'>;
  memoryParts: Dexie.Table<MemoryPartRecord, [number, number]>;
  secrets: EntityTable<SecretRecord, 'key'>;
  egress: EntityTable<EgressRecord, 'id'>;
};

/** Default database name; tests pass their own to stay isolated. */
export const DATABASE_NAME = 'edgewise';

/** Opens (lazily) the Edgewise database. Versions only ever go up; add a new `version()` for schema changes. */
export function openDatabase(name: string = DATABASE_NAME): EdgewiseDatabase {
  const db = new Dexie(name) as EdgewiseDatabase;
  db.version(1).stores({
    modelFiles: 'key, modelId',
    modelChunks: '[key+index], key',
    settings: 'key',
  });
  db.version(2).stores({
    summaries: '++id, url, createdAt, [url+contentHash+modelId+mode]',
  });
  db.version(3).stores({
    chatThreads: 'id, url, updatedAt',
    modelDownloads: 'modelId',
  });
  // Private context (issue 12): new stores only, so today's rows stay as they are.
  db.version(4).stores({
    profiles: 'id',
    memoryPages: '++id, &url, site, visitedAt',
    memoryParts: '[pageId+index], pageId, *terms',
  });
  // Cloud routing (issue 14): the API key apart from settings, and the egress log.
  db.version(5).stores({
    secrets: 'key',
    egress: '++id, at',
  });
  return db;
}
