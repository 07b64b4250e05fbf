/**
 * Keeps the newest message in view while an answer streams, as chat apps do, unless the
 * user scrolled up to read: then the view stays put and `behind` is true (as it is whenever
 * the latest is out of view), so a "Jump to latest" button can bring them back.
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** How close to the bottom (px) still counts as "at the latest": a line of slack. */
const SLACK_PX = 48;

const atBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
/** The panel's one scrolling container. */
const panelScroller = () => document.querySelector<HTMLElement>('#app > main');
/** The scroller, while the anchor's view is the one shown. */
const scrollerOf = (anchor: RefObject<HTMLElement | null>) =>
  anchor.current && !anchor.current.closest('[hidden]') ? panelScroller() : null;

/**
 * `anchor` is any element inside the panel's `main`; `content` changes whenever the thread
 * does (a new message, a streamed piece). `jump` scrolls to the latest and follows again.
 */
export function useFollowScroll(anchor: RefObject<HTMLElement | null>, content: unknown) {
  const following = useRef(true);
  const [behind, setBehind] = useState(false);

  // Listens on the panel's scroller itself, which exists from the start: the anchor may not
  // yet (an empty view) or be hidden when this mounts.
  useEffect(() => {
    const el = panelScroller();
    if (!el) return;
    const onScroll = () => {
      if (!scrollerOf(anchor)) return; // another view is scrolling
      following.current = atBottom(el);
      setBehind(!following.current);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [anchor]);

  // Before paint, so a streamed piece never flashes below the fold first.
  useLayoutEffect(() => {
    const el = scrollerOf(anchor);
    if (!el) return;
    if (following.current) el.scrollTop = el.scrollHeight;
    else if (!atBottom(el)) setBehind(true);
  }, [anchor, content]);

  const jump = useCallback(() => {
    const el = scrollerOf(anchor);
    following.current = true;
    setBehind(false);
    if (el) el.scrollTop = el.scrollHeight;
  }, [anchor]);

  return { behind, jump };
}
