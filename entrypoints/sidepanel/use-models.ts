/**
 * What every view needs to know about models: the settings, what is stored, and what
 * this browser can run. Settings are saved here (validated in lib/settings) and the
 * engine is told, so a new idle-unload time applies to a model already loaded.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { probeCapabilities, type DeviceCapabilities } from '@/lib/device';
import type { CachedModel } from '@/lib/engine';
import type { EngineRemote } from '@/lib/messaging';
import { loadSettings, saveSettings, type Settings } from '@/lib/settings';
import type { EdgewiseDatabase } from '@/lib/store';

export interface ModelsState {
  settings: Settings | null;
  cached: CachedModel[] | null;
  capabilities: DeviceCapabilities | null;
  refresh(): void;
  /** Throws a SettingsError (nothing saved) for a bad value. */
  changeSettings(change: Partial<Settings>): Promise<void>;
}

export function useModels(engine: EngineRemote | null, db: EdgewiseDatabase): ModelsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [cached, setCached] = useState<CachedModel[] | null>(null);
  const [capabilities, setCapabilities] = useState<DeviceCapabilities | null>(null);

  const refresh = useCallback(() => {
    void loadSettings(db).then(setSettings);
    if (engine) void engine.listCached().then(setCached, () => undefined);
  }, [engine, db]);

  useEffect(refresh, [refresh]);
  useEffect(() => void probeCapabilities().then(setCapabilities), []);

  const changeSettings = useCallback(
    async (change: Partial<Settings>) => {
      setSettings(await saveSettings(db, change));
      await engine?.applySettings();
    },
    [engine, db],
  );

  return { settings, cached, capabilities, refresh, changeSettings };
}
