/**
 * How views reach the panel's services: one `Panel` per panel, given through Preact
 * context, and a hook that re-renders a view when a service's state changes.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Panel, Readable } from '@/lib/panel';

export const PanelContext = createContext<Panel | null>(null);

/** The panel's services. */
export function usePanel(): Panel {
  const panel = useContext(PanelContext);
  if (!panel) throw new Error('usePanel needs a PanelContext provider.');
  return panel;
}

/** The current value of `readable`, re-rendering the caller whenever it changes. */
export function useValue<T>(readable: Readable<T>): T {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    const stop = readable.subscribe(rerender);
    // A change between the first render and this subscription would otherwise be missed.
    rerender();
    return stop;
  }, [readable]);
  return readable.value;
}
