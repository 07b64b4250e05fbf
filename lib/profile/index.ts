/**
 * Profiles (issue 12): who the user is, for filling forms and drafting answers. Fields
 * named as HTML autocomplete tokens, validation that never rewrites what was typed,
 * refusal of secrets (cards, passwords, codes, ids), storage in the extension's origin
 * with exactly one default, and strict checks for import.
 */
export { COUNTRY_CODES, countryName, countryOptions, isCountryCode } from './countries';
export {
  cleanDraft,
  draftOf,
  emptyDraft,
  formValues,
  withLink,
  withValue,
  withValueAdded,
  withValueRemoved,
  type ProfileDraft,
} from './draft';
export {
  PROFILE_GROUPS,
  PROFILE_TOKENS,
  REPEATABLE_TOKENS,
  isProfileToken,
  type ProfileFields,
  type ProfileGroup,
  type ProfileLink,
  type ProfileToken,
} from './fields';
export { copyProfile, checkProfiles, importProfiles, profilesForExport, type ProfileImportResult } from './export';
export { fieldLabel, linkLabel, problemLabel } from './labels';
export { POSTAL_COUNTRIES } from './postal';
export {
  ProfileError,
  fieldKey,
  hasProblems,
  linkKey,
  type ProblemKey,
  type ProfileProblem,
  type ProfileProblems,
} from './problems';
export {
  SECRET_AUTOCOMPLETE_FIELDS,
  findCardNumbers,
  findSecret,
  hasCardNumber,
  isSecretAutocomplete,
  passesLuhn,
  secretExplanation,
  secretProblems,
  type SecretKind,
} from './secrets';
export {
  deleteProfile,
  getDefaultProfile,
  listProfiles,
  saveProfile,
  setDefaultProfile,
  sortProfiles,
  type ProfileInput,
} from './store';
export {
  PROFILE_LIMITS,
  checkBirthday,
  checkCountry,
  checkEmail,
  checkLinkAddress,
  checkPostalCode,
  checkProfileName,
  checkTel,
  checkValue,
  checkWebsite,
  profileProblems,
  validateProfile,
  type ValidationContext,
} from './validate';
