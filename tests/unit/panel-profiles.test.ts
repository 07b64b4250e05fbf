/** The Profile view's service in Node: drafts kept as typed, messages by input, saves, defaults and deletes. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { ProfileBook } from '@/lib/panel';
import { emptyDraft, formValues, listProfiles, saveProfile } from '@/lib/profile';
import { freshDatabase } from './helpers/database';

async function startedBook(db = freshDatabase()) {
  const book = new ProfileBook(db);
  await book.start();
  return { db, book, state: () => book.state.value };
}

describe('ProfileBook', () => {
  test('reload after a change elsewhere keeps an unsaved draft, and follows the store when clean', async () => {
    const { db, book, state } = await startedBook();
    await saveProfile(db, { name: 'Work', isDefault: true, fields: {}, links: [], about: '' });
    book.setName('Half typed');
    await book.reload();
    expect(state().draft.name).toBe('Half typed');
    expect(state().profiles?.map((p) => p.name)).toEqual(['Work']);
    book.newProfile();
    await book.reload();
    expect(state().draft.name).toBe('Work');
  });

  test('with no profile, it opens a new, empty draft', async () => {
    const { state } = await startedBook();
    expect(state()).toMatchObject({ profiles: [], selectedId: null, draft: emptyDraft(), dirty: false, problems: {} });
    expect(formValues(state().draft, 'email')).toEqual(['']);
  });

  test('a refused save keeps every typed character and marks the input; fixing it clears the mark', async () => {
    const { db, book, state } = await startedBook();
    book.setName('Personal');
    book.setValue('email', 0, 'ada@example');
    book.addValue('tel');
    book.setValue('tel', 1, ' +44 20 7946 0958 ');
    // Typing alone shows no format message yet.
    expect(state().problems).toEqual({});
    await book.save();
    expect(state().status).toEqual({ kind: 'invalid', count: 1 });
    expect(state().problems['email-0']?.message).toBe('After the @ comes a domain with a dot, like example.com.');
    expect(state().draft.fields).toEqual({ email: ['ada@example'], tel: ['', ' +44 20 7946 0958 '] });
    expect(state().dirty).toBe(true);
    expect(await db.profiles.count()).toBe(0);

    book.setValue('email', 0, 'ada@example.com');
    expect(state().problems).toEqual({});
    expect(state().status).toEqual({ kind: 'idle' });
    await book.save();
    expect(state().status).toEqual({ kind: 'saved' });
    expect(state().dirty).toBe(false);
    expect(state().draft.fields).toEqual({ email: ['ada@example.com'], tel: ['+44 20 7946 0958'] });
    const [stored] = await listProfiles(db);
    expect(stored).toMatchObject({ name: 'Personal', isDefault: true });
    expect(state().selectedId).toBe(stored!.id);
  });

  test('a secret is flagged as soon as it is typed, and cannot be saved', async () => {
    const { db, book, state } = await startedBook();
    book.setName('Personal');
    book.setAbout('Skills: TypeScript. Card 4111 1111 1111 1111');
    expect(state().problems.about).toMatchObject({ secret: true });
    expect(state().problems.about?.message).toMatch(/^This looks like a payment card number\./);
    await book.save();
    expect(state().status).toEqual({ kind: 'invalid', count: 1 });
    expect(state().draft.about).toBe('Skills: TypeScript. Card 4111 1111 1111 1111');
    expect(await db.profiles.count()).toBe(0);
  });

  test('values and links are added, edited and removed by index', async () => {
    const { book, state } = await startedBook();
    book.addValue('email');
    book.setValue('email', 1, 'two@example.com');
    book.setValue('email', 0, 'one@example.com');
    book.addValue('email');
    book.setValue('email', 2, 'three@example.com');
    book.removeValue('email', 1);
    expect(state().draft.fields.email).toEqual(['one@example.com', 'three@example.com']);
    book.addLink();
    book.addLink();
    book.setLink(0, 'label', 'GitHub');
    book.setLink(1, 'url', 'https://ada.example');
    book.removeLink(0);
    expect(state().draft.links).toEqual([{ label: '', url: 'https://ada.example' }]);
  });

  test('select, make default and delete', async () => {
    const db = freshDatabase();
    await saveProfile(db, { ...emptyDraft(), name: 'Personal' }, { now: new Date(2025, 0, 1) });
    await saveProfile(db, { ...emptyDraft(), name: 'Work' }, { now: new Date(2025, 0, 2) });
    const { book, state } = await startedBook(db);
    expect(state().draft.name).toBe('Personal');
    const work = state().profiles!.find((profile) => profile.name === 'Work')!;
    book.select(work.id);
    expect(state()).toMatchObject({ selectedId: work.id, dirty: false });
    await book.makeDefault();
    expect(
      state()
        .profiles!.filter((p) => p.isDefault)
        .map((p) => p.name),
    ).toEqual(['Work']);
    expect(state().draft.isDefault).toBe(true);

    await book.remove();
    expect(state().status).toEqual({ kind: 'deleted', name: 'Work' });
    expect(state().profiles!.map((p) => [p.name, p.isDefault])).toEqual([['Personal', true]]);
    expect(state().draft.name).toBe('Personal');
  });

  test('a new profile is made default on save when asked; a duplicate name is refused', async () => {
    const db = freshDatabase();
    await saveProfile(db, { ...emptyDraft(), name: 'Personal' });
    const { book, state } = await startedBook(db);
    book.newProfile();
    book.setName('personal');
    await book.makeDefault();
    await book.save();
    expect(state().problems['profile-name']?.message).toBe(
      'There is already a profile called “personal”. Choose another name.',
    );
    book.setName('Work');
    expect(state().problems).toEqual({});
    await book.save();
    expect(
      state()
        .profiles!.filter((p) => p.isDefault)
        .map((p) => p.name),
    ).toEqual(['Work']);
  });

  test('text typed while a save runs is kept, not replaced by what was saved', async () => {
    const { book, state } = await startedBook();
    book.setName('Personal');
    const saving = book.save();
    book.setAbout('typed meanwhile');
    await saving;
    expect(state().selectedId).not.toBeNull();
    expect(state()).toMatchObject({ dirty: true, draft: { about: 'typed meanwhile' } });
  });

  test('removing an unsaved new profile just drops it', async () => {
    const { db, book, state } = await startedBook();
    book.setName('Draft');
    await book.remove();
    expect(state()).toMatchObject({ selectedId: null, draft: emptyDraft(), dirty: false, status: { kind: 'idle' } });
    expect(await db.profiles.count()).toBe(0);
  });
});
