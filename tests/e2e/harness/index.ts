export { CHROMIUM, launchBrowser, type LaunchOptions, type Launched } from './browser';
export { startPageServer, type PageServer } from './page-server';
export { ECHO_MODEL, EXTENSION_DIR, EXTENSION_ID, EXTENSION_ORIGIN, MODELS_DIR, PAGES_DIR, ROOT } from './paths';
export { contentScriptProbe, extensionPageProbe, probeSource, type ProbeHandle } from './probe';
export { setModelHost } from './settings';
export { offscreenDocumentCount, stopServiceWorkers, storedModelFiles, type StoredFile } from './inspect';
export { nodeGreedyText } from './node-reference';
export { startSession, type Session } from './session';
