/**
 * The one model gate: every feature that needs a model goes through it. A model is used
 * only once it is stored whole (for the dtype a load here would use); until then the
 * feature shows the model offer, and only the user's yes starts the download. Loading a
 * model that is not stored would download it, so the gate refuses to.
 */
import * as Comlink from 'comlink';
import type { EngineApi, ProgressListener } from '@/lib/engine';
import { countTokensInBatches, type TextModel } from '@/lib/messaging';
import type { Downloads } from './downloads';
import type { ModelLibrary } from './models';
import { i18n } from '@/lib/i18n';

/** Thrown when a feature asks for a model the user has not downloaded. */
export class ModelNotDownloadedError extends Error {
  override name = 'ModelNotDownloadedError';
}

/** What loading needs of the engine. */
export type GateEngine = Pick<EngineApi, 'load' | 'countTokens'>;

export class ModelGate {
  constructor(
    private readonly library: ModelLibrary,
    private readonly downloads: Downloads,
    private readonly engine: () => GateEngine,
  ) {}

  /** Whether `modelId` is stored whole, read fresh from the engine (waiting for it to connect). */
  async isStored(modelId: string): Promise<boolean> {
    await this.library.refresh();
    await this.library.known();
    return this.library.row(modelId)?.stored === 'complete';
  }

  /** The user's yes to downloading `modelId`: starts it, or resumes an interrupted one. */
  accept(modelId: string): Promise<boolean> {
    return this.downloads.start(modelId);
  }

  /**
   * Resolves once `modelId` is stored: at once if it is, otherwise when a download the
   * user accepted completes; `onWaiting` runs first in that case (to show the offer). Never
   * starts a download itself. Rejects with an `AbortError` when `signal` aborts first.
   */
  async whenStored(modelId: string, signal?: AbortSignal, onWaiting?: () => void): Promise<void> {
    if (await this.isStored(modelId)) return;
    onWaiting?.();
    if (signal?.aborted) throw new DOMException(i18n.t('engineErrors.stoppedBeforeDownload'), 'AbortError');
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.library.row(modelId)?.stored !== 'complete') return;
        done();
        resolve();
      };
      const stop = () => {
        done();
        reject(new DOMException(i18n.t('engineErrors.stoppedBeforeDownload'), 'AbortError'));
      };
      const unsubscribe = this.library.state.subscribe(check);
      signal?.addEventListener('abort', stop, { once: true });
      const done = () => {
        unsubscribe();
        signal?.removeEventListener('abort', stop);
      };
      check();
    });
  }

  /**
   * Loads a stored model for text features: its window and its tokenizer (counts go in
   * batches the engine accepts). Refuses a model that is not stored whole, since the
   * engine's load would fetch the missing files without the user's consent.
   */
  async loadForText(modelId: string, onProgress: ProgressListener): Promise<TextModel> {
    if (!(await this.isStored(modelId)))
      throw new ModelNotDownloadedError(i18n.t('engineErrors.notDownloaded', [modelId]));
    const engine = this.engine();
    const loaded = await engine.load(modelId, {}, Comlink.proxy(onProgress));
    return {
      modelId,
      contextWindow: loaded.contextWindow,
      countTokens: (texts) => countTokensInBatches(engine, texts),
    };
  }
}
