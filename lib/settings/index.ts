export {
  DEFAULT_SETTINGS,
  HUGGING_FACE_HUB,
  SettingsError,
  loadSettings,
  normaliseModelHost,
  saveSettings,
  validateSettings,
  type DevicePreference,
  type DtypePreference,
  type Settings,
} from './settings';
