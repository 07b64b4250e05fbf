export { describePage } from './describe';
export { listenForPageRequests, type MessageRuntime } from './listen';
