export {
  OFFSCREEN_PATH,
  ensureOffscreenDocument,
  hasOffscreenDocument,
  type OffscreenApis,
} from './offscreen-document';
export { WELCOME_PATH, welcomeOnInstall, type InstallApis } from './install';
export { handleBackgroundMessage, type RouterContext } from './router';
export {
  COMMAND_SUMMARIZE_PAGE,
  MENU_SUMMARIZE_PAGE,
  MENU_SUMMARIZE_SELECTION,
  createSummarizeMenus,
  jobFor,
  startSummarize,
  type TriggerApis,
} from './summarize-triggers';
