/**
 * Device and dtype choice: pure, and free of transformers.js, so the side panel can show
 * what a load would use without pulling in the engine.
 */
export {
  DeviceUnavailableError,
  chooseDevice,
  chooseDtype,
  dtypeFor,
  dtypeOverride,
  dtypePreference,
  probeCapabilities,
  type DeviceCapabilities,
} from './choose';
