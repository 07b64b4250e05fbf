/**
 * The Profile view's service: the stored profiles, the one being edited as a draft of
 * exactly what the user typed, and each input's problem. Typing is never second-guessed:
 * formats are checked on Save, and from then on as the user fixes them; a refused secret
 * (a card number in About me) is flagged as soon as it is typed. A failed save keeps the
 * draft as it is, so nothing typed is lost.
 */
import {
  ProfileError,
  deleteProfile,
  draftOf,
  emptyDraft,
  hasProblems,
  listProfiles,
  profileProblems,
  saveProfile,
  secretProblems,
  setDefaultProfile,
  withLink,
  withValue,
  withValueAdded,
  withValueRemoved,
  type ProfileDraft,
  type ProfileLink,
  type ProfileProblems,
  type ProfileToken,
} from '@/lib/profile';
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';
import { Observable, type Readable } from './observable';

/** What the last action did, for the view to put in words. */
export type ProfileStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid'; count: number }
  | { kind: 'failed'; message: string }
  | { kind: 'deleted'; name: string };

export interface ProfileBookState {
  /** Oldest first; null until first read. */
  profiles: ProfileRecord[] | null;
  /** The stored profile being edited; null while it is a new, unsaved one. */
  selectedId: string | null;
  draft: ProfileDraft;
  /** The draft differs from what is stored (or is new and has something typed). */
  dirty: boolean;
  problems: ProfileProblems;
  status: ProfileStatus;
}

export class ProfileBook {
  private readonly current = new Observable<ProfileBookState>({
    profiles: null,
    selectedId: null,
    draft: emptyDraft(),
    dirty: false,
    problems: {},
    status: { kind: 'idle' },
  });
  /** Set by a save the checks refused: from then on every edit is checked, so fixed messages go away. */
  private checking = false;
  /** Counts edits, so a save does not replace the draft with what it stored when the user typed meanwhile. */
  private edits = 0;

  constructor(private readonly db: EdgewiseDatabase) {}

  get state(): Readable<ProfileBookState> {
    return this.current;
  }

  /** Reads the profiles and opens the default one (or a new draft when there is none). */
  async start(): Promise<void> {
    try {
      const profiles = await this.refresh();
      this.open(profiles.find((profile) => profile.isDefault) ?? null);
    } catch (error) {
      this.update({ status: { kind: 'failed', message: messageOf(error) } });
    }
  }

  /**
   * Reads the profiles again after they changed elsewhere (deleted or imported in the Data
   * view). Unsaved edits stay; a clean form whose profile is gone opens the default.
   */
  async reload(): Promise<void> {
    const profiles = await this.refresh();
    const { selectedId, dirty } = this.current.value;
    if (dirty) return;
    const open = profiles.find((profile) => profile.id === selectedId);
    this.open(open ?? profiles.find((profile) => profile.isDefault) ?? null);
  }

  /** Opens a stored profile by id; unsaved edits are dropped (the view asks first). */
  select(id: string): void {
    this.open(this.current.value.profiles?.find((profile) => profile.id === id) ?? null);
  }

  /** Starts a new, empty profile. */
  newProfile(): void {
    this.open(null);
  }

  setName(name: string): void {
    this.edit({ name });
  }

  setValue(token: ProfileToken, index: number, value: string): void {
    this.edit(withValue(this.draft, token, index, value));
  }

  /** Adds an empty input for another value ("Add another email"). */
  addValue(token: ProfileToken): void {
    this.edit(withValueAdded(this.draft, token));
  }

  removeValue(token: ProfileToken, index: number): void {
    this.edit(withValueRemoved(this.draft, token, index));
  }

  setAbout(about: string): void {
    this.edit({ about });
  }

  addLink(): void {
    this.edit({ links: [...this.draft.links, { label: '', url: '' }] });
  }

  setLink(index: number, part: keyof ProfileLink, text: string): void {
    this.edit(withLink(this.draft, index, part, text));
  }

  removeLink(index: number): void {
    this.edit({ links: this.draft.links.filter((_, i) => i !== index) });
  }

  /** Makes the open profile the default: at once when it is stored, on Save when it is new. */
  async makeDefault(): Promise<void> {
    const { selectedId } = this.current.value;
    if (selectedId === null) return this.edit({ isDefault: true });
    try {
      await setDefaultProfile(this.db, selectedId);
      await this.refresh();
      this.update({ draft: { ...this.draft, isDefault: true } });
    } catch (error) {
      this.update({ status: { kind: 'failed', message: messageOf(error) } });
    }
  }

  /** Saves the draft; refused, it stays as typed and every problem is shown by its input. */
  async save(): Promise<void> {
    const { selectedId } = this.current.value;
    const editsBefore = this.edits;
    this.update({ status: { kind: 'saving' } });
    try {
      const saved = await saveProfile(this.db, { ...this.draft, id: selectedId ?? undefined });
      this.checking = false;
      await this.refresh();
      const untouched = this.edits === editsBefore;
      this.update({
        selectedId: saved.id,
        draft: untouched ? draftOf(saved) : this.draft,
        dirty: !untouched,
        problems: untouched ? {} : this.check(this.draft),
        status: { kind: 'saved' },
      });
    } catch (error) {
      if (error instanceof ProfileError && hasProblems(error.problems)) {
        this.checking = true;
        // Names taken by a profile saved in another window count too.
        await this.refresh().catch(() => undefined);
        const problems = this.check(this.draft);
        this.update({ problems, status: { kind: 'invalid', count: Object.keys(problems).length } });
      } else {
        this.update({ status: { kind: 'failed', message: messageOf(error) } });
      }
    }
  }

  /** Deletes the open profile (a new one is just dropped) and opens the default. */
  async remove(): Promise<void> {
    const { selectedId } = this.current.value;
    const name = this.draft.name;
    try {
      if (selectedId !== null) await deleteProfile(this.db, selectedId);
      const profiles = await this.refresh();
      this.open(profiles.find((profile) => profile.isDefault) ?? null);
      if (selectedId !== null) this.update({ status: { kind: 'deleted', name } });
    } catch (error) {
      this.update({ status: { kind: 'failed', message: messageOf(error) } });
    }
  }

  private get draft(): ProfileDraft {
    return this.current.value.draft;
  }

  private open(profile: ProfileRecord | null): void {
    this.checking = false;
    this.update({
      selectedId: profile?.id ?? null,
      draft: profile ? draftOf(profile) : emptyDraft(),
      dirty: false,
      problems: {},
      status: { kind: 'idle' },
    });
  }

  private edit(change: Partial<ProfileDraft>): void {
    this.edits++;
    const draft = { ...this.draft, ...change };
    const { status } = this.current.value;
    this.update({
      draft,
      dirty: true,
      problems: this.check(draft),
      // "Saved." is about the version before this edit; an invalid count is kept current.
      status: status.kind === 'saving' ? status : this.checking ? this.invalidStatus(draft) : { kind: 'idle' },
    });
  }

  private invalidStatus(draft: ProfileDraft): ProfileStatus {
    const count = Object.keys(this.check(draft)).length;
    return count > 0 ? { kind: 'invalid', count } : { kind: 'idle' };
  }

  /** Secrets always; the rest once a save was refused. */
  private check(draft: ProfileDraft): ProfileProblems {
    if (!this.checking) return secretProblems(draft);
    const { profiles, selectedId } = this.current.value;
    const takenNames = (profiles ?? []).filter((profile) => profile.id !== selectedId).map((profile) => profile.name);
    return profileProblems(draft, { takenNames });
  }

  private async refresh(): Promise<ProfileRecord[]> {
    const profiles = await listProfiles(this.db);
    this.update({ profiles });
    return profiles;
  }

  private update(change: Partial<ProfileBookState>): void {
    this.current.set({ ...this.current.value, ...change });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
