/**
 * The extension's icons: one SVG source (`public/icon.svg`), rendered to PNGs at build for
 * every size Chrome asks for (wxt.config.ts), in two states. The toolbar icon shows whether
 * the engine is working, so a download or an answer is visible even with the panel closed.
 */

/** Sizes Chrome uses: the toolbar (16, 32), the extensions page (48) and the store (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

/** `idle`: nothing running; `working`: downloading, loading or writing. */
export type IconState = 'idle' | 'working';

/** Where the build puts a state's PNG of one size, relative to the extension root. */
export function iconPath(state: IconState, size: (typeof ICON_SIZES)[number]): string {
  return `icon/${state}-${size}.png`;
}

/** Every size of one state, as `manifest.icons` and `action.setIcon({ path })` take it. */
export function iconPaths(state: IconState): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(state, size)]));
}

/** The badge drawn over the page for `working`: an amber dot in the lower right corner. */
export const WORKING_MARK = '<circle cx="100" cy="100" r="24" fill="#f59e0b" stroke="#ffffff" stroke-width="8"/>';
