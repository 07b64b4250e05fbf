/**
 * What one connected caller sees of the shared engine. Request ids are namespaced per
 * connection (two tabs may both use "1"), a caller may cancel only its own requests,
 * and when its port goes away (tab closed, page navigated) its requests are cancelled.
 */
import * as Comlink from 'comlink';
import type {
  ChunkListener,
  CloudRequest,
  CloudResult,
  DownloadResult,
  EngineAdminApi,
  GenerateRequest,
  GenerateResult,
  LoadOptions,
  LoadResult,
  ProgressListener,
  StatusListener,
} from '@/lib/engine';
import { RemoteCallback } from './remote-callback';

let sessions = 0;

export class EngineSession implements EngineAdminApi {
  private readonly prefix = `s${++sessions}:`;
  private readonly owned = new Set<string>();
  private readonly cleanups = new Set<() => void>();

  constructor(private readonly engine: EngineAdminApi) {}

  status() {
    return this.engine.status();
  }

  async watchStatus(listener: StatusListener): Promise<() => void> {
    let unsubscribe = (): void => undefined;
    const remote = new RemoteCallback(listener, () => stop());
    const stop = () => {
      unsubscribe();
      this.cleanups.delete(stop);
      remote.release();
    };
    unsubscribe = await this.engine.watchStatus((status) => remote.call(status));
    this.cleanups.add(stop);
    return Comlink.proxy(stop);
  }

  load(modelId: string, options?: LoadOptions, onProgress?: ProgressListener): Promise<LoadResult> {
    return withProgress(onProgress, (report) => this.engine.load(modelId, options, report));
  }

  generate(request: GenerateRequest, onChunk?: ChunkListener): Promise<GenerateResult> {
    return this.streamed(request, onChunk, (req, chunk) => this.engine.generate(req, chunk));
  }

  askCloud(request: CloudRequest, onChunk?: ChunkListener): Promise<CloudResult> {
    return this.streamed(request, onChunk, (req, chunk) => this.engine.askCloud(req, chunk));
  }

  /**
   * Runs a streamed request under this connection's namespaced id, so only this caller can
   * cancel it, and hands back the result under the caller's own id.
   */
  private async streamed<Q extends { requestId: string }, R extends { requestId: string }>(
    request: Q,
    onChunk: ChunkListener | undefined,
    run: (request: Q, onChunk: ChunkListener) => Promise<R>,
  ): Promise<R> {
    const id = this.prefix + request.requestId;
    this.owned.add(id);
    // If the caller stops answering, its context is gone: stop generating for nobody.
    const remote = new RemoteCallback(onChunk, () => void this.engine.cancel(id));
    try {
      const result = await run({ ...request, requestId: id }, (chunk) => remote.call(chunk));
      return { ...result, requestId: request.requestId };
    } finally {
      this.owned.delete(id);
      // Every chunk reaches the caller before the result does.
      await remote.flush();
      remote.release();
    }
  }

  countTokens(texts: string[]) {
    return this.engine.countTokens(texts);
  }

  cancel(requestId: string): Promise<boolean> {
    const id = this.prefix + requestId;
    return this.owned.has(id) ? this.engine.cancel(id) : Promise.resolve(false);
  }

  unload() {
    return this.engine.unload();
  }

  listCached() {
    return this.engine.listCached();
  }

  deleteCached(modelId: string) {
    return this.engine.deleteCached(modelId);
  }

  download(modelId: string, options?: LoadOptions, onProgress?: ProgressListener): Promise<DownloadResult> {
    return withProgress(onProgress, (report) => this.engine.download(modelId, options, report));
  }

  cancelDownload(modelId: string) {
    return this.engine.cancelDownload(modelId);
  }

  checkHost(host: string, modelId: string) {
    return this.engine.checkHost(host, modelId);
  }

  /** The caller's port closed: cancel its requests and drop its watchers. */
  end(): void {
    for (const id of this.owned) void this.engine.cancel(id);
    for (const cleanup of [...this.cleanups]) cleanup();
  }
}

/** Runs `work` with progress forwarded to a remote listener; every event reaches it before the result. */
async function withProgress<T>(
  listener: ProgressListener | undefined,
  work: (report: ProgressListener) => Promise<T>,
): Promise<T> {
  const remote = new RemoteCallback(listener);
  try {
    return await work((progress) => remote.call(progress));
  } finally {
    await remote.flush();
    remote.release();
  }
}
