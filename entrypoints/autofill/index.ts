import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startAutofill } from '@/lib/autofill-ui';
import { openOrClosedShadowRoot } from '@/lib/page';
import { createPopupView } from './popup-view';

// Injected on demand (scripting.executeScript) by the background, on the first focus of a
// fillable field or to show a save offer (issue 13); the page's content script stays tiny.
export default defineUnlistedScript(() =>
  startAutofill({
    win: window,
    runtime: browser.runtime,
    createView: createPopupView,
    shadowRootOf: openOrClosedShadowRoot,
  }),
);
