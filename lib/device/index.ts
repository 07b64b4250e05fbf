/**
 * Device and dtype choice, and which stored weights count for it: pure, and free of
 * transformers.js, so the side panel can show what a load would use without pulling in
 * the engine.
 */
export {
  DeviceUnavailableError,
  chooseDevice,
  chooseDtype,
  dtypeFor,
  dtypeOverride,
  dtypePreference,
  probeCapabilities,
  storedWhole,
  type DeviceCapabilities,
} from './choose';
