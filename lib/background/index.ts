export {
  OFFSCREEN_PATH,
  ensureOffscreenDocument,
  hasOffscreenDocument,
  type OffscreenApis,
} from './offscreen-document';
export { handleBackgroundMessage, type RouterContext } from './router';
