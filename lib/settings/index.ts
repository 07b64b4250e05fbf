export { announceChange, watchChanges, type StoreTopic } from './changes';
export { applyTheme, type ThemeRoot } from './theme';
export { describeHostCheck } from './host-check-message';
export {
  DEFAULT_SETTINGS,
  HUGGING_FACE_HUB,
  SettingsError,
  isAllowedModelHost,
  loadSettings,
  normaliseModelHost,
  numberField,
  resetSettings,
  saveSettings,
  validateSettings,
  type DevicePreference,
  type DtypePreference,
  type Settings,
  type SettingsChange,
  type ThemePreference,
} from './settings';
export { DEFAULT_AUTOFILL_SETTINGS, type AutofillSettings } from './autofill-settings';
export { DEFAULT_MEMORY_SETTINGS, PAUSED_UNTIL_RESUMED, type MemorySettings, type ReadSites } from './memory-settings';
export { isWebAddress, normaliseSite, onSites, siteListFromText, siteOf } from './sites';
export {
  DEFAULT_CLOUD_SETTINGS,
  FEATURES,
  cloudDisplayName,
  cloudReady,
  normaliseCloudBaseUrl,
  type CloudRule,
  type CloudSettings,
  type Feature,
  type RouteMode,
} from './cloud-settings';
