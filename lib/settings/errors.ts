/** Thrown by settings validation with a message fit to show next to the form. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}
