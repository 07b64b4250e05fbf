import type { BuiltInService, CloudAccess, EngineLink, ModelLibrary } from '@/lib/panel';
import { i18n } from '@/lib/i18n';
import { SettingsView } from '../sidepanel/settings/SettingsView';
import { useTheme } from '../sidepanel/use-theme';
import { useValue } from '../sidepanel/use-panel';

/** The options page: the same settings as the side panel's Settings view, in a tab. */
export function SettingsPage({
  library,
  cloud,
  builtIn,
  engine,
}: {
  library: ModelLibrary;
  cloud: CloudAccess;
  builtIn: BuiltInService;
  engine: EngineLink;
}) {
  const { settings } = useValue(library.state);
  const remote = useValue(engine.state).engine;
  useTheme(settings?.theme);
  return (
    <>
      <h1>{i18n.t('options.heading')}</h1>
      <p class="hint">{i18n.t('options.samePlace')}</p>
      <SettingsView
        library={library}
        cloud={cloud}
        builtIn={builtIn}
        checkHost={remote ? (host, id) => remote.checkHost(host, id) : null}
      />
    </>
  );
}
