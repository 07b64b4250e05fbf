export { describePage } from './describe';
export { isFillableTarget, watchFirstFocus, type StartRuntime } from './first-focus';
export { listenForPageRequests, type MessageRuntime } from './listen';
export { openOrClosedShadowRoot } from './shadow-roots';
