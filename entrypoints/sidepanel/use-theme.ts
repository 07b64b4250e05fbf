/** Applies the saved theme to this page's root, and again whenever it changes. */
import { useEffect } from 'preact/hooks';
import { applyTheme, type ThemePreference } from '@/lib/settings';

export function useTheme(preference: ThemePreference | undefined): void {
  useEffect(() => {
    if (preference) applyTheme(document.documentElement, preference);
  }, [preference]);
}
