import { useState } from 'preact/hooks';
import { formatBytes, formatWhen } from '@/lib/format';
import { i18n } from '@/lib/i18n';
import type { ForgetRange, MemoryState } from '@/lib/panel';
import { PAUSED_UNTIL_RESUMED, isWebAddress, onSites, siteOf, type Settings } from '@/lib/settings';
import type { MemoryPageRecord } from '@/lib/store';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { usePanel, useValue } from '../use-panel';
import { MemorySettingsForm } from './MemorySettingsForm';

const HOUR_MS = 60 * 60 * 1000;
const RANGES: ForgetRange[] = ['hour', 'day', 'week', 'all'];

/** Page memory: what is remembered, search, pause, and every way to forget (issue 12). */
export function MemoryView() {
  const { memory, models, tabs } = usePanel();
  const state = useValue(memory.state);
  const { settings } = useValue(models.state);
  const tab = useValue(tabs.active);
  const [range, setRange] = useState<ForgetRange>('hour');
  const [confirming, setConfirming] = useState<ForgetRange | null>(null);
  if (!settings || !state.pages) return <p role="status">{i18n.t('memory.loading')}</p>;

  const site = tab ? siteOf(tab.url) : null;
  const siteDenied = tab !== null && onSites(tab.url, settings.deniedSites);
  const skipped = state.skipped && tab && state.skipped.url === tab.url ? state.skipped.reason : null;

  return (
    <section aria-labelledby="memory-heading" class="memory">
      <h2 id="memory-heading">{i18n.t('nav.memory')}</h2>
      <p class="muted">{i18n.t('memory.intro')}</p>
      <p data-testid="memory-usage">
        {i18n.t('memory.usage', state.pages.length, [state.pages.length, formatBytes(state.bytes)])}
      </p>
      <PauseControls settings={settings} />
      {skipped && (
        <p class="muted" role="status" data-testid="memory-skipped">
          {i18n.t(`memory.skipped.${skipped}`)}
        </p>
      )}
      {site && /^https?:/.test(tab?.url ?? '') && (
        <p>
          {siteDenied ? (
            <span class="muted">{i18n.t('memory.siteDenied', [site])}</span>
          ) : (
            <button type="button" onClick={() => void memory.denySite(tab!.url)}>
              {i18n.t('memory.denySite', [site])}
            </button>
          )}
        </p>
      )}

      <label for="memory-search" class="visually-hidden">
        {i18n.t('memory.search')}
      </label>
      <input
        id="memory-search"
        type="search"
        placeholder={i18n.t('memory.search')}
        value={state.query}
        onInput={(e) => memory.search(e.currentTarget.value)}
      />
      <MemoryList state={state} />

      <div class="toolbar">
        <label for="memory-range">{i18n.t('memory.forgetRange')}</label>
        <select id="memory-range" value={range} onChange={(e) => setRange(e.currentTarget.value as ForgetRange)}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {i18n.t(`memory.range.${r}`)}
            </option>
          ))}
        </select>
        <button type="button" disabled={state.pages.length === 0} onClick={() => setConfirming(range)}>
          {i18n.t('memory.forget')}
        </button>
      </div>
      <ConfirmDialog
        message={confirming && i18n.t(`memory.confirmRange.${confirming}`)}
        confirmLabel={i18n.t('memory.forget')}
        onConfirm={() => {
          if (confirming) void memory.forgetRange(confirming);
          setConfirming(null);
        }}
        onCancel={() => setConfirming(null)}
      />

      <details class="memory-settings-details">
        <summary>{i18n.t('memory.settings')}</summary>
        <MemorySettingsForm library={models} settings={settings} />
      </details>
    </section>
  );
}

/** "Paused until 5:30 PM" with Resume, or the two ways to pause. */
function PauseControls({ settings }: { settings: Settings }) {
  const { memory } = usePanel();
  const until = settings.memoryPausedUntil;
  if (until > Date.now()) {
    const when =
      until === PAUSED_UNTIL_RESUMED
        ? i18n.t('memory.pausedForever')
        : i18n.t('memory.pausedUntil', [new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(until)]);
    return (
      <p class="toolbar" data-testid="memory-paused">
        <span role="status">{when}</span>
        <button type="button" onClick={() => void memory.resume()}>
          {i18n.t('memory.resume')}
        </button>
      </p>
    );
  }
  return (
    <p class="toolbar">
      <button type="button" onClick={() => void memory.pause(HOUR_MS)}>
        {i18n.t('memory.pauseHour')}
      </button>
      <button type="button" onClick={() => void memory.pause(null)}>
        {i18n.t('memory.pauseForever')}
      </button>
    </p>
  );
}

/** Remembered pages, newest first, or those matching the search with the text that matched. */
function MemoryList({ state }: { state: MemoryState }) {
  const pages = state.pages ?? [];
  const byId = new Map(pages.map((page) => [page.id, page]));
  const shown = state.results
    ? state.results.flatMap((hit) => {
        const page = byId.get(hit.pageId);
        return page ? [{ page, snippet: hit.parts[0]?.text ?? '' }] : [];
      })
    : pages.map((page) => ({ page, snippet: '' }));
  if (shown.length === 0) {
    return <p class="muted">{i18n.t(state.results ? 'memory.noMatch' : 'memory.empty')}</p>;
  }
  return (
    <ul class="memory-list" aria-label={i18n.t('memory.listLabel')}>
      {shown.map(({ page, snippet }) => (
        <MemoryItem key={page.id} page={page} snippet={snippet} />
      ))}
    </ul>
  );
}

function MemoryItem({ page, snippet }: { page: MemoryPageRecord; snippet: string }) {
  const { memory } = usePanel();
  return (
    <li data-testid="memory-page" data-url={page.url}>
      {isWebAddress(page.url) ? (
        <a href={page.url} target="_blank" rel="noopener noreferrer">
          {page.title || page.url}
        </a>
      ) : (
        <span>{page.title || page.url}</span>
      )}
      <span class="muted">
        {' '}
        {i18n.t(page.reason === 'used' ? 'memory.usedWhen' : 'memory.readWhen', [
          page.site,
          formatWhen(page.visitedAt),
          page.words.toLocaleString(),
        ])}
      </span>
      {snippet && <p class="snippet">{snippet.slice(0, 240)}…</p>}
      <div class="toolbar">
        <button type="button" onClick={() => void memory.forgetPage(page.id!)}>
          {i18n.t('memory.forgetPage')}
        </button>
        <button type="button" onClick={() => void memory.forgetSite(page.site)}>
          {i18n.t('memory.forgetSite', [page.site])}
        </button>
      </div>
    </li>
  );
}
