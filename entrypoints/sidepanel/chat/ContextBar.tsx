import { i18n } from '@/lib/i18n';
import { usePanel, useValue } from '../use-panel';

/** The "use this page" toggle, with how much page there is and what will be sent. */
export function ContextBar({ pageOpen }: { pageOpen: boolean }) {
  const { chat } = usePanel();
  const { tab, page, useContext, searchMemory } = useValue(chat.state);
  const info = pageOpen && tab ? page : null;
  const readable = info?.state === 'ready';
  return (
    <div class="context-bar" data-testid="context-bar">
      {/* On a page that cannot be read (a browser page), there is nothing to switch on. */}
      {info?.state !== 'unreadable' && (
        <label class="switch">
          <input
            type="checkbox"
            checked={useContext && readable}
            disabled={!readable}
            onChange={(e) => chat.setUseContext(e.currentTarget.checked)}
          />
          {i18n.t('chat.usePage')}
        </label>
      )}
      <label class="switch">
        <input type="checkbox" checked={searchMemory} onChange={(e) => chat.setSearchMemory(e.currentTarget.checked)} />
        {i18n.t('chat.searchMemory')}
      </label>
      <span class="muted" data-testid="context-indicator" aria-live="polite">
        {!pageOpen || !tab
          ? i18n.t('chat.pageClosed')
          : !info || info.state === 'reading'
            ? i18n.t('chat.readingPage')
            : info.state === 'unreadable'
              ? info.reason
              : !useContext
                ? i18n.t('chat.pageOff')
                : i18n.t(info.capped ? 'chat.pageWordsCapped' : 'chat.pageWords', [info.words.toLocaleString()])}
      </span>
    </div>
  );
}
