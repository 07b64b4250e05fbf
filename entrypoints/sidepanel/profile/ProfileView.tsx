import { useRef, useState } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ProfileStatus } from '@/lib/panel';
import type { ProfileGroup } from '@/lib/profile';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { AutofillSettings } from './AutofillSettings';
import { usePanel, useValue } from '../use-panel';
import { FieldGroup } from './FieldGroup';
import { FieldInput, ProblemMessage, described, inputId } from './FieldInput';
import { LinksEditor } from './LinksEditor';
import { ProfilePicker } from './ProfilePicker';

const GROUPS: ProfileGroup[] = ['name', 'contact', 'address', 'other'];

/** What the dialog asks: delete the open profile, or drop unsaved edits before `then`. */
type Asking = { kind: 'delete' } | { kind: 'discard'; then(): void } | null;

/**
 * The user's profiles, kept on this device: pick one, edit it in groups, save. Messages sit
 * next to the input they are about; what was typed stays until the user changes it.
 */
export function ProfileView() {
  const { profiles: book, models } = usePanel();
  const { profiles, selectedId, draft, dirty, problems, status } = useValue(book.state);
  const { settings } = useValue(models.state);
  const [asking, setAsking] = useState<Asking>(null);
  const form = useRef<HTMLFormElement>(null);

  if (profiles === null) return <p role="status">{i18n.t('profile.loading')}</p>;
  const stored = profiles.find((profile) => profile.id === selectedId);
  const shownName = stored?.name ?? (draft.name.trim() || i18n.t('profile.newProfile'));
  const guard = (then: () => void) => (dirty ? setAsking({ kind: 'discard', then }) : then());
  const save = async () => {
    await book.save();
    // Once the messages are drawn, the first marked input takes focus, so its message is read next.
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const line = statusLine(status);

  return (
    <section aria-labelledby="profile-heading" class="profile-view">
      <h2 id="profile-heading">{i18n.t('profile.heading')}</h2>
      <p class="hint" data-testid="profile-privacy">
        {i18n.t('profile.privacy')}
      </p>
      <ProfilePicker
        profiles={profiles}
        selectedId={selectedId}
        onSelect={(id) => guard(() => (id === null ? book.newProfile() : book.select(id)))}
      />
      {profiles.length === 0 && <p class="muted">{i18n.t('profile.empty')}</p>}
      <form
        ref={form}
        class="profile-form"
        noValidate
        data-profile={selectedId ?? ''}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FieldInput
          problemKey="profile-name"
          label={i18n.t('profile.profileName')}
          hint={i18n.t('profile.profileNameHint')}
          value={draft.name}
          problem={problems['profile-name']}
          onInput={(text) => book.setName(text)}
        />
        {draft.isDefault ? (
          <p class="muted" data-testid="profile-is-default">
            {i18n.t('profile.isDefault')}
          </p>
        ) : (
          profiles.length > 0 && (
            <div class="toolbar small">
              <button type="button" onClick={() => void book.makeDefault()}>
                {i18n.t('profile.makeDefault')}
              </button>
            </div>
          )
        )}
        {GROUPS.map((group) => (
          <FieldGroup key={group} group={group} book={book} draft={draft} problems={problems} />
        ))}
        <LinksEditor book={book} links={draft.links} problems={problems} />
        <div class="profile-about">
          <label for={inputId('about')}>{i18n.t('profile.group.about')}</label>
          <textarea
            id={inputId('about')}
            rows={7}
            value={draft.about}
            spellcheck={false}
            {...described('about', problems.about, 'profile-about-hint')}
            onInput={(e) => book.setAbout(e.currentTarget.value)}
          />
          <p id="profile-about-hint" class="hint">
            {i18n.t('profile.aboutHint')}
          </p>
          <ProblemMessage id={`${inputId('about')}-error`} problem={problems.about} />
        </div>
        <div class="toolbar">
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {i18n.t('profile.save')}
          </button>
          {selectedId !== null && (
            <button type="button" onClick={() => setAsking({ kind: 'delete' })}>
              {i18n.t('profile.delete')}
            </button>
          )}
        </div>
        <p class={`status ${line?.error ? 'error' : ''}`} role="status" data-testid="profile-status">
          {line?.text}
        </p>
      </form>
      <ConfirmDialog
        message={
          asking?.kind === 'delete'
            ? i18n.t('profile.confirmDelete', [shownName])
            : asking?.kind === 'discard'
              ? i18n.t('profile.confirmDiscard', [shownName])
              : null
        }
        confirmLabel={asking?.kind === 'discard' ? i18n.t('profile.discard') : i18n.t('dialog.delete')}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (asking?.kind === 'delete') void book.remove();
          if (asking?.kind === 'discard') asking.then();
          setAsking(null);
        }}
      />
      {settings && <AutofillSettings library={models} settings={settings} />}
    </section>
  );
}

/** The last action's outcome in words. */
function statusLine(status: ProfileStatus): { text: string; error: boolean } | null {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'saving':
      return { text: i18n.t('profile.saving'), error: false };
    case 'saved':
      return { text: i18n.t('profile.saved'), error: false };
    case 'invalid':
      return { text: i18n.t('profile.notSaved', status.count, [status.count]), error: true };
    case 'failed':
      return { text: status.message, error: true };
    case 'deleted':
      return { text: i18n.t('profile.deleted', [status.name]), error: false };
  }
}
