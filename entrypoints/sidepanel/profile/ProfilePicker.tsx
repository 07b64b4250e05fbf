import { i18n } from '@/lib/i18n';
import type { ProfileRecord } from '@/lib/store';

interface Props {
  profiles: ProfileRecord[];
  /** The open profile; null while a new one is being written. */
  selectedId: string | null;
  /** Opens a stored profile, or (null) a new one. */
  onSelect(id: string | null): void;
}

/** Which profile the form shows, and "New profile". */
export function ProfilePicker({ profiles, selectedId, onSelect }: Props) {
  return (
    <div class="profile-picker">
      <label for="profile-picker">{i18n.t('profile.picker')}</label>
      <select id="profile-picker" value={selectedId ?? ''} onChange={(e) => onSelect(e.currentTarget.value || null)}>
        {selectedId === null && <option value="">{i18n.t('profile.unsavedName')}</option>}
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.isDefault ? i18n.t('profile.defaultMark', [profile.name]) : profile.name}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onSelect(null)} disabled={selectedId === null}>
        {i18n.t('profile.newProfile')}
      </button>
    </div>
  );
}
