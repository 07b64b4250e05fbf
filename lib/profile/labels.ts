/**
 * What each profile field is called, shared by the form's labels and the messages that
 * name a field ("Profile 2 (“Work”), Email 2: …"), so both always say the same.
 */
import { i18n } from '@/lib/i18n';
import { isProfileToken, type ProfileToken } from './fields';
import type { ProblemKey } from './problems';

/** Message keys of the labels, as i18n message names allow no hyphen. */
const LABEL_KEYS = {
  name: 'name',
  'given-name': 'givenName',
  'additional-name': 'additionalName',
  'family-name': 'familyName',
  email: 'email',
  tel: 'tel',
  organization: 'organization',
  'organization-title': 'organizationTitle',
  'address-line1': 'addressLine1',
  'address-line2': 'addressLine2',
  'address-line3': 'addressLine3',
  'address-level2': 'addressLevel2',
  'address-level1': 'addressLevel1',
  'postal-code': 'postalCode',
  country: 'country',
  bday: 'bday',
  url: 'url',
} as const satisfies Record<ProfileToken, string>;

/** The field's label: "Email" for the first value, "Email 2" for the second (labels stay unique). */
export function fieldLabel(token: ProfileToken, index = 0): string {
  const label = i18n.t(`profile.field.${LABEL_KEYS[token]}`);
  return index === 0 ? label : i18n.t('profile.numbered', [label, index + 1]);
}

/** "Link 2, name" or "Link 2, address". */
export function linkLabel(index: number, part: 'label' | 'url'): string {
  return i18n.t(part === 'label' ? 'profile.linkNameOf' : 'profile.linkUrlOf', [index + 1]);
}

/** The label of the input a problem key names, for messages outside the form (imports). */
export function problemLabel(key: ProblemKey): string {
  if (key === 'profile-name') return i18n.t('profile.profileName');
  if (key === 'about') return i18n.t('profile.group.about');
  const link = /^link-(\d+)-(label|url)$/.exec(key);
  if (link) return linkLabel(Number(link[1]), link[2] === 'label' ? 'label' : 'url');
  const field = /^(.+)-(\d+)$/.exec(key);
  const token = field?.[1] ?? '';
  return isProfileToken(token) ? fieldLabel(token, Number(field?.[2])) : key;
}
