/**
 * A transformers.js custom cache (`env.customCache`) backed by IndexedDB.
 *
 * Why not the Cache API: it cannot store `chrome-extension://` requests, and we want
 * per-file sizes, hashes and per-model deletion that the model manager can show.
 *
 * A file is written in one IndexedDB transaction, after its bytes are complete and
 * match the expected length, so a partial or failed download is never stored.
 */
import { sha256Hex } from '@/lib/hash';
import type { EdgewiseDatabase, ModelFileRecord } from '@/lib/store';
import type { ModelDtype } from '@/models';
import { HUGGING_FACE_HUB } from '@/lib/settings';

/** Slice size for stored files: big enough to be few rows, small enough to keep IndexedDB values modest. */
export const CHUNK_BYTES = 16 * 1024 * 1024;

/** Where a cached file came from, parsed out of a hub-layout URL. */
export interface ModelFileRef {
  /** The model host: everything before `owner/repo/resolve/…` (`https://huggingface.co/` for the hub). */
  host: string;
  modelId: string;
  revision: string;
  file: string;
  key: string;
}

/** A downloaded model as the model manager lists it. */
export interface CachedModel {
  modelId: string;
  bytes: number;
  files: { file: string; size: number; sha256: string }[];
  storedAt: number;
  /**
   * Every file the model needs is stored (a download or a load finished). False for a
   * download that was cancelled or interrupted: its complete files are kept, so it resumes.
   */
  complete: boolean;
  /** The weights variant that completed, when known. */
  dtype?: ModelDtype | 'default';
}

/** Thrown when a response is shorter or longer than it claims; nothing is stored. */
/** A file whose bytes do not hash to what the model host published. */
export class CorruptDownloadError extends Error {
  override name = 'CorruptDownloadError';
}

/**
 * The SHA-256 a hub publishes for a file, if any: the Hugging Face hub sends it for LFS files
 * (the weights) as `X-Linked-Etag`, and as the `ETag` where the file itself is served. Other
 * ETags (a size and time, an MD5) are not content hashes and are ignored.
 */
export function publishedSha256(headers: Headers): string | null {
  for (const name of ['x-linked-etag', 'etag']) {
    const value = headers.get(name)?.replace(/^W\//, '').replaceAll('"', '').trim().toLowerCase();
    if (value && /^[0-9a-f]{64}$/.test(value)) return value;
  }
  return null;
}

export class IncompleteDownloadError extends Error {
  override name = 'IncompleteDownloadError';
}

const HUB_PATH = /([\w.-]+\/[\w.-]+)\/resolve\/([^/]+)\/(.+)$/;

/**
 * Parses `{host}{owner}/{repo}/resolve/{revision}/{file}` (a hub URL or a mirror's).
 *
 * The key includes the host (issue 10): `owner/repo` on a host the user typed in is not
 * the hub's model of that name, so files from one host are never served for another.
 * The hub's own keys carry no prefix, which keeps caches made before hosts were keyed.
 */
export function parseModelFileUrl(url: string): ModelFileRef | undefined {
  const path = url.replace(/[?#].*$/, '');
  const match = HUB_PATH.exec(path);
  const [, modelId, revision, file] = match ?? [];
  if (!match || modelId === undefined || revision === undefined || file === undefined) return undefined;
  const host = path.slice(0, match.index);
  const decodedRevision = decodeURIComponent(revision);
  const prefix = host === HUGGING_FACE_HUB ? '' : host;
  return { host, modelId, revision: decodedRevision, file, key: `${prefix}${modelId}@${decodedRevision}/${file}` };
}

/** The host a stored record came from; records from before hosts were kept came from the hub. */
const hostOf = (record: { host?: string }): string => record.host ?? HUGGING_FACE_HUB;

/** The IndexedDB model-file store, shaped as the `match`/`put` pair transformers.js calls. */
export class ModelCache {
  /** Keys served from IndexedDB since the last reset; tells "from cache" loads from downloads. */
  readonly hits = new Set<string>();

  /** `chunkBytes` is for tests, which use small slices to exercise splitting cheaply. */
  constructor(
    private readonly db: EdgewiseDatabase,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  /** Returns the stored file for a hub-layout URL, or `undefined` (transformers.js then downloads it). */
  async match(request: string): Promise<Response | undefined> {
    const ref = parseModelFileUrl(request);
    if (!ref) return undefined;
    const record = await this.db.modelFiles.get(ref.key);
    if (!record) return undefined;
    const chunks = await this.db.modelChunks.where('key').equals(ref.key).sortBy('index');
    const size = chunks.reduce((sum, chunk) => sum + chunk.bytes.byteLength, 0);
    if (chunks.length !== record.chunkCount || size !== record.size) {
      // Cannot happen through put(), which writes atomically; if the store was damaged
      // some other way, drop the entry so the file is downloaded again.
      await this.deleteFile(ref.key);
      return undefined;
    }
    this.hits.add(ref.key);
    return new Response(new Blob(chunks.map((chunk) => chunk.bytes)), {
      headers: { 'content-length': String(record.size), 'content-type': record.contentType },
    });
  }

  /** The stored size of a file, or `undefined` if it is not stored (without reading its bytes). */
  async storedSize(request: string): Promise<number | undefined> {
    const ref = parseModelFileUrl(request);
    return ref ? (await this.db.modelFiles.get(ref.key))?.size : undefined;
  }

  /** Stores a complete response. Throws, storing nothing, if the body is not the length it claims. */
  async put(request: string, response: Response): Promise<void> {
    const ref = parseModelFileUrl(request);
    if (!ref) return;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) !== bytes.byteLength) {
      throw new IncompleteDownloadError(`${ref.file}: received ${bytes.byteLength} of ${declared} bytes; not cached.`);
    }
    await this.putBytes(
      request,
      bytes,
      response.headers.get('content-type') ?? 'application/octet-stream',
      publishedSha256(response.headers),
    );
  }

  /**
   * Stores a file's complete bytes in one transaction; returns its key (undefined for a
   * non-hub URL). With `expectedSha256` (what the host published), bytes that do not hash to
   * it are refused and nothing is stored.
   */
  async putBytes(
    request: string,
    bytes: Uint8Array,
    contentType: string,
    expectedSha256: string | null = null,
  ): Promise<string | undefined> {
    const ref = parseModelFileUrl(request);
    if (!ref) return undefined;
    const sha256 = await sha256Hex(bytes);
    if (expectedSha256 && sha256 !== expectedSha256) {
      throw new CorruptDownloadError(
        `${ref.file}: the downloaded bytes do not match the SHA-256 the model host published (${expectedSha256.slice(0, 12)}…); nothing was saved. Try again, or check the model host.`,
      );
    }
    const record: ModelFileRecord = {
      key: ref.key,
      host: ref.host,
      modelId: ref.modelId,
      revision: ref.revision,
      file: ref.file,
      size: bytes.byteLength,
      sha256,
      chunkCount: Math.max(1, Math.ceil(bytes.byteLength / this.chunkBytes)),
      contentType,
      storedAt: Date.now(),
    };
    // One transaction: either the metadata and every chunk land, or none do.
    await this.db.transaction('rw', this.db.modelFiles, this.db.modelChunks, async () => {
      await this.db.modelChunks.where('key').equals(ref.key).delete();
      for (let index = 0; index < record.chunkCount; index++) {
        const slice = bytes.slice(index * this.chunkBytes, (index + 1) * this.chunkBytes);
        await this.db.modelChunks.put({ key: ref.key, index, bytes: slice.buffer });
      }
      await this.db.modelFiles.put(record);
    });
    return ref.key;
  }

  /** Keys of every stored file of a model. */
  async storedKeys(modelId: string): Promise<string[]> {
    return (await this.db.modelFiles.where('modelId').equals(modelId).primaryKeys()) as string[];
  }

  /** Records that every file `modelId` needs is stored now from `host` (after a finished download or load). */
  async markComplete(modelId: string, host: string, dtype: ModelDtype | 'default'): Promise<void> {
    const records = await this.db.modelFiles.where('modelId').equals(modelId).toArray();
    const files = records
      .filter((r) => hostOf(r) === host)
      .map((r) => r.file)
      .sort();
    const known = await this.db.modelDownloads.get(modelId);
    // Every cached load ends here: write only when something changed, so reading is read-only.
    if (known && hostOf(known) === host && known.dtype === dtype && known.files.join('\n') === files.join('\n')) return;
    await this.db.modelDownloads.put({ modelId, host, dtype, files, completedAt: Date.now() });
  }

  /**
   * Every model downloaded from `host` (the model host in use), with its files and total
   * size. Copies from other hosts stay stored for when the user switches back, and are
   * deleted with the model.
   */
  async list(host: string): Promise<CachedModel[]> {
    const [records, manifests] = await Promise.all([this.db.modelFiles.toArray(), this.db.modelDownloads.toArray()]);
    const byModel = new Map<string, CachedModel>();
    for (const record of records) {
      if (hostOf(record) !== host) continue;
      const model = byModel.get(record.modelId) ?? {
        modelId: record.modelId,
        bytes: 0,
        files: [],
        storedAt: 0,
        complete: false,
      };
      model.bytes += record.size;
      model.files.push({ file: record.file, size: record.size, sha256: record.sha256 });
      model.storedAt = Math.max(model.storedAt, record.storedAt);
      byModel.set(record.modelId, model);
    }
    for (const manifest of manifests) {
      const model = byModel.get(manifest.modelId);
      if (!model || hostOf(manifest) !== host) continue;
      // Complete only while every file of the finished download is still there.
      const present = new Set(model.files.map((f) => f.file));
      model.complete = manifest.files.every((file) => present.has(file));
      model.dtype = manifest.dtype;
    }
    return [...byModel.values()].sort((a, b) => a.modelId.localeCompare(b.modelId));
  }

  /** Deletes every stored file of a model, from every host; returns the bytes freed. */
  async deleteModel(modelId: string): Promise<number> {
    return this.db.transaction('rw', this.db.modelFiles, this.db.modelChunks, this.db.modelDownloads, async () => {
      const records = await this.db.modelFiles.where('modelId').equals(modelId).toArray();
      for (const record of records) await this.deleteFile(record.key);
      await this.db.modelDownloads.delete(modelId);
      return records.reduce((sum, record) => sum + record.size, 0);
    });
  }

  /** Deletes single files by key (a download that ran out of space rolls back what it wrote). */
  async deleteFile(key: string): Promise<void> {
    await this.db.transaction('rw', this.db.modelFiles, this.db.modelChunks, async () => {
      await this.db.modelChunks.where('key').equals(key).delete();
      await this.db.modelFiles.delete(key);
    });
  }
}
