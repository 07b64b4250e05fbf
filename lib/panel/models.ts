/**
 * What every view knows about models: the settings, what is stored, and what this
 * browser can run, as one observable. Settings are saved here (validated in
 * lib/settings); a save anywhere reaches the engine and every open page.
 */
import type { DeviceCapabilities } from '@/lib/device';
import type { CachedModel, EngineAdminApi } from '@/lib/engine';
import { managerRows, recommendModel, type ModelRow, type Recommendation } from '@/lib/model-manager';
import { loadSettings, saveSettings, watchChanges, type Settings, type SettingsChange } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';
import { catalog } from '@/models';
import { Observable, type Readable } from './observable';

/** How much this extension's origin stores, and may store (`navigator.storage.estimate()`). */
export interface StorageUse {
  usage: number;
  quota: number;
}

export interface ModelsState {
  settings: Settings | null;
  cached: CachedModel[] | null;
  capabilities: DeviceCapabilities | null;
  /** Null when the browser does not say. */
  storage: StorageUse | null;
}

/** What the library needs of the engine. */
export type LibraryEngine = Pick<EngineAdminApi, 'listCached' | 'deleteCached'>;

export interface ModelLibraryDeps {
  db: EdgewiseDatabase;
  /** The engine now, or null while it is not connected. */
  engine(): LibraryEngine | null;
  probeCapabilities(): Promise<DeviceCapabilities>;
  estimateStorage?(): Promise<StorageEstimate>;
}

export class ModelLibrary {
  private readonly current = new Observable<ModelsState>({
    settings: null,
    cached: null,
    capabilities: null,
    storage: null,
  });

  /** Refreshes run one after another, so the newest read is the one that stays. */
  private refreshing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ModelLibraryDeps) {}

  get state(): Readable<ModelsState> {
    return this.current;
  }

  /** Rows as the model manager lists them; null until settings, stored models and capabilities are known. */
  rows(state = this.current.value): ModelRow[] | null {
    const { settings, cached, capabilities } = state;
    return settings && cached && capabilities ? managerRows(catalog, cached, settings, capabilities) : null;
  }

  /** The model to recommend for this device and its free space; null until capabilities are known. */
  recommendation(state = this.current.value): Recommendation | null {
    const { capabilities, storage } = state;
    return capabilities ? recommendModel(catalog, capabilities, storage ? storage.quota - storage.usage : null) : null;
  }

  /** The row of `modelId` (the default model when omitted); undefined until known. */
  row(modelId?: string, state = this.current.value): ModelRow | undefined {
    return this.rows(state)?.find((row) => (modelId === undefined ? row.isDefault : row.id === modelId));
  }

  /** Reads settings, stored models, storage use and (once) capabilities again. */
  refresh(): Promise<void> {
    const next = this.refreshing.then(() => this.read());
    this.refreshing = next.catch(() => undefined);
    return next;
  }

  /** Resolves once what is stored is known (the engine has answered at least once). */
  async known(): Promise<void> {
    if (this.current.value.cached !== null) return;
    await new Promise<void>((resolve) => {
      const unsubscribe = this.current.subscribe(() => {
        if (this.current.value.cached === null) return;
        unsubscribe();
        resolve();
      });
    });
  }

  private async read(): Promise<void> {
    const engine = this.deps.engine();
    const [settings, cached, capabilities, storage] = await Promise.all([
      loadSettings(this.deps.db),
      engine ? engine.listCached().catch(() => this.current.value.cached) : this.current.value.cached,
      this.current.value.capabilities ?? this.deps.probeCapabilities(),
      this.estimate(),
    ]);
    const next = { settings, cached, capabilities, storage };
    // Views re-render on every set; most refreshes find nothing new.
    if (JSON.stringify(next) !== JSON.stringify(this.current.value)) this.current.set(next);
  }

  private async estimate(): Promise<StorageUse | null> {
    try {
      const estimate = await this.deps.estimateStorage?.();
      return estimate?.quota === undefined ? null : { usage: estimate.usage ?? 0, quota: estimate.quota };
    } catch {
      return null;
    }
  }

  /**
   * Saves a change; throws a SettingsError (nothing saved) for a bad value. Every context
   * hears of it (`watchChanges('settings')`): the engine applies it, other pages read it again.
   */
  async changeSettings(change: SettingsChange): Promise<void> {
    const settings = await saveSettings(this.deps.db, change);
    this.current.set({ ...this.current.value, settings });
  }

  /** Reads settings again whenever any page saves them; returns the unsubscribe. */
  watch(): () => void {
    return watchChanges('settings', () => void this.refresh());
  }

  /** Deletes a model's files (the engine unloads it first); the list refreshes either way. */
  async remove(modelId: string): Promise<void> {
    try {
      const engine = this.deps.engine();
      if (engine) await engine.deleteCached(modelId);
    } finally {
      await this.refresh();
    }
  }
}
