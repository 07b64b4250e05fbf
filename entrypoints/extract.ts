import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installExtractor } from '@/lib/tabs';

// Injected on demand (scripting.executeScript) when the user asks for a summary.
export default defineUnlistedScript(() => installExtractor(window));
