import { useState } from 'preact/hooks';
import { formatBytes } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { ModelLibrary } from '@/lib/panel';
import { useTheme } from '../sidepanel/use-theme';
import { useValue } from '../sidepanel/use-panel';

/** The shortcuts as Chrome has them now (the user may have changed them); '' when unset. */
export interface Shortcuts {
  summarize: string;
  openPanel: string;
}

interface Props {
  library: ModelLibrary;
  shortcuts: Shortcuts;
  /** Opens the side panel in this window. */
  openPanel(): Promise<void>;
}

/**
 * The first page a new user sees: the three things Edgewise does, how to reach them, and
 * the model recommended for this device. Choosing it opens the panel, whose model offer
 * asks before anything is downloaded (the one first-run offer, not a second one here).
 */
export function WelcomePage({ library, shortcuts, openPanel }: Props) {
  const state = useValue(library.state);
  const recommended = library.recommendation(state);
  const [problem, setProblem] = useState<string | null>(null);
  useTheme(state.settings?.theme);

  const start = async () => {
    setProblem(null);
    try {
      // Open first: the click's user gesture is needed for it, and saving takes a moment.
      const opened = openPanel();
      if (recommended) await library.changeSettings({ modelId: recommended.modelId });
      await opened;
    } catch (error) {
      setProblem(i18n.t('welcome.openFailed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  return (
    <>
      <h1>{i18n.t('welcome.heading')}</h1>
      <p class="lead">{i18n.t('welcome.lead')}</p>
      <ul class="features">
        <li>
          <h2>{i18n.t('welcome.summarizeTitle')}</h2>
          <p>
            {i18n.t('welcome.summarizeBody')} <Keys shortcut={shortcuts.summarize} />
          </p>
        </li>
        <li>
          <h2>{i18n.t('welcome.chatTitle')}</h2>
          <p>
            {i18n.t('welcome.chatBody')} <Keys shortcut={shortcuts.openPanel} />
          </p>
        </li>
        <li>
          <h2>{i18n.t('welcome.privateTitle')}</h2>
          <p>{i18n.t('welcome.privateBody')}</p>
        </li>
      </ul>
      <section class="offer" aria-labelledby="start-heading" data-testid="welcome-offer">
        <h2 id="start-heading">{i18n.t('welcome.startTitle')}</h2>
        {recommended ? (
          <>
            <p>
              {i18n.t('welcome.recommended', [
                recommended.name,
                recommended.bytes !== undefined ? formatBytes(recommended.bytes) : i18n.t('models.sizeUnknownShort'),
              ])}{' '}
              {recommended.reason}
            </p>
            <button type="button" class="primary" onClick={() => void start()}>
              {i18n.t('welcome.start', [recommended.name])}
            </button>
          </>
        ) : (
          <p role="status">{i18n.t('models.checking')}</p>
        )}
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <p class="muted">{i18n.t('welcome.later')}</p>
      </section>
    </>
  );
}

/** "Alt+Shift+S" as keys; where to set one when there is none. */
function Keys({ shortcut }: { shortcut: string }) {
  if (!shortcut) return <span>{i18n.t('welcome.noShortcut')}</span>;
  return (
    <>
      {shortcut.split('+').map((key, i) => (
        <span key={i}>
          {i > 0 && '+'}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}
