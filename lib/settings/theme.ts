/**
 * Applies the theme preference to a page. The stylesheets define each colour once with
 * `light-dark()`, so all a page needs is `data-theme` on its root: `light` or `dark` when the
 * user chose one, nothing when it follows the system (the CSS `color-scheme: light dark`
 * then follows `prefers-color-scheme` by itself, live).
 */
import type { ThemePreference } from './settings';

/** The part of `<html>` the theme touches. */
export type ThemeRoot = Pick<HTMLElement, 'dataset'>;

/** Sets `root`'s theme for `preference`. */
export function applyTheme(root: ThemeRoot, preference: ThemePreference): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}
