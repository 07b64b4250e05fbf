/** The model manager's logic: what to list, and how fast a download goes. The views live in the side panel. */
export { RateMeter, formatDuration, type RateEstimate } from './eta';
export { knownSize, managerRows, type ModelRow, type StoredState } from './rows';
export { recommendModel, type Recommendation } from './recommend';
