import { i18n } from '@/lib/i18n';
import type { ActiveTab } from '../use-active-tab';
import { usePageInfo } from './use-page-info';

interface Props {
  /** The page whose text can be attached; null when it is not open. */
  tab: ActiveTab | null;
  enabled: boolean;
  onToggle(enabled: boolean): void;
}

/** The "use this page" toggle, with how much page there is and what will be sent. */
export function ContextBar({ tab, enabled, onToggle }: Props) {
  const info = usePageInfo(tab);
  const readable = info?.state === 'ready';
  return (
    <div class="context-bar" data-testid="context-bar">
      <label class="switch">
        <input
          type="checkbox"
          checked={enabled && readable}
          disabled={!readable}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
        {i18n.t('chat.usePage')}
      </label>
      <span class="muted" data-testid="context-indicator" aria-live="polite">
        {!tab
          ? i18n.t('chat.pageClosed')
          : !info || info.state === 'reading'
            ? i18n.t('chat.readingPage')
            : info.state === 'unreadable'
              ? info.reason
              : !enabled
                ? i18n.t('chat.pageOff')
                : i18n.t(info.capped ? 'chat.pageWordsCapped' : 'chat.pageWords', [info.words.toLocaleString()])}
      </span>
    </div>
  );
}
