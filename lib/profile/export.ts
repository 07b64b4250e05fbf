/**
 * Profiles in an export file, and strict checks for bringing them back. An import file
 * may be hand-edited or come from elsewhere, so it gets every check a save gets (formats,
 * refused secrets), plus types and unknown keys: what is stored is exactly a valid
 * {@link ProfileRecord}. The file's envelope (format, version) is the caller's.
 */
import { ImportError, expectObject, fail } from '@/lib/chat';
import { i18n } from '@/lib/i18n';
import type { EdgewiseDatabase, ProfileRecord } from '@/lib/store';
import { cleanDraft, draftOf } from './draft';
import { PROFILE_TOKENS, type ProfileFields, type ProfileLink } from './fields';
import { problemLabel } from './labels';
import type { ProblemKey } from './problems';
import { listProfiles, settleDefault } from './store';
import { PROFILE_LIMITS, profileProblems } from './validate';

const PROFILE_KEYS: readonly (keyof ProfileRecord)[] = [
  'id',
  'name',
  'isDefault',
  'fields',
  'links',
  'about',
  'createdAt',
  'updatedAt',
];
const MAX_ID_LENGTH = 200;

/** A deep copy with only the known keys, fields in the form's order. */
export function copyProfile(profile: ProfileRecord): ProfileRecord {
  const { name, isDefault, fields, links, about } = draftOf(profile);
  return {
    id: profile.id,
    name,
    isDefault,
    fields,
    links,
    about,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

/** Every profile as plain records, oldest first, for an export file. */
export async function profilesForExport(db: EdgewiseDatabase): Promise<ProfileRecord[]> {
  return (await listProfiles(db)).map(copyProfile);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkTextList(value: unknown, where: string, field: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    fail(where, field, i18n.t('profileErrors.ruleTextList'));
  }
  return value;
}

function checkFields(value: unknown, where: string): ProfileFields {
  if (!isPlainObject(value)) fail(where, 'fields', i18n.t('profileErrors.ruleFields'));
  const object = expectObject(value, PROFILE_TOKENS, where);
  const fields: ProfileFields = {};
  for (const token of PROFILE_TOKENS) {
    if (token in object) fields[token] = checkTextList(object[token], where, token);
  }
  return fields;
}

function checkLinks(value: unknown, where: string): ProfileLink[] {
  if (!Array.isArray(value)) fail(where, 'links', i18n.t('importErrors.rule.list'));
  return value.map((item: unknown, i) => {
    const linkWhere = i18n.t('profileErrors.importWhereLink', [where, i + 1]);
    const link = expectObject(item, ['label', 'url'], linkWhere);
    if (typeof link.label !== 'string') fail(linkWhere, 'label', i18n.t('importErrors.rule.text'));
    if (typeof link.url !== 'string') fail(linkWhere, 'url', i18n.t('importErrors.rule.text'));
    return { label: link.label, url: link.url };
  });
}

function checkTime(value: Record<string, unknown>, field: 'createdAt' | 'updatedAt', where: string): number {
  const time = value[field];
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    fail(where, field, i18n.t('importErrors.rule.number'));
  }
  return time;
}

/** Types and keys of one profile (1-based `position`); its values are checked after. */
function checkShape(value: unknown, position: number): ProfileRecord {
  const named = isPlainObject(value) && typeof value.name === 'string' && value.name.trim() !== '';
  const where = named
    ? i18n.t('profileErrors.importWhere', [position, String(value.name).trim()])
    : i18n.t('profileErrors.importWhereUnnamed', [position]);
  const profile = expectObject(value, PROFILE_KEYS, where);
  const { id, name, isDefault, about } = profile;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    fail(where, 'id', i18n.t('importErrors.rule.id', [MAX_ID_LENGTH]));
  }
  if (typeof name !== 'string') fail(where, 'name', i18n.t('importErrors.rule.text'));
  if (typeof isDefault !== 'boolean') fail(where, 'isDefault', i18n.t('profileErrors.ruleYesNo'));
  if (typeof about !== 'string') fail(where, 'about', i18n.t('importErrors.rule.text'));
  return {
    id,
    name,
    isDefault,
    fields: checkFields(profile.fields, where),
    links: checkLinks(profile.links, where),
    about,
    createdAt: checkTime(profile, 'createdAt', where),
    updatedAt: checkTime(profile, 'updatedAt', where),
  };
}

/**
 * Checks the profiles of an import file and returns clean copies (values trimmed, blanks
 * dropped, as a save stores them). Names must differ within the file, at most one profile
 * may be the default, and every value must pass the checks a save does.
 * @throws {ImportError} naming the profile, the field and the problem, at the first problem.
 */
export function checkProfiles(value: unknown, { now = new Date() }: { now?: Date } = {}): ProfileRecord[] {
  if (!Array.isArray(value)) throw new ImportError(i18n.t('profileErrors.importList'));
  const checked: ProfileRecord[] = [];
  value.forEach((item: unknown, i) => {
    const record = checkShape(item, i + 1);
    const where = record.name.trim()
      ? i18n.t('profileErrors.importWhere', [i + 1, record.name.trim()])
      : i18n.t('profileErrors.importWhereUnnamed', [i + 1]);
    const problems = profileProblems(record, { takenNames: checked.map((profile) => profile.name), now });
    const [key, problem] = Object.entries(problems)[0] ?? [];
    if (key !== undefined && problem) {
      throw new ImportError(
        i18n.t('profileErrors.importProblem', [where, problemLabel(key as ProblemKey), problem.message]),
      );
    }
    const sameId = checked.findIndex((profile) => profile.id === record.id);
    if (sameId >= 0) throw new ImportError(i18n.t('profileErrors.importDuplicateId', [i + 1, sameId + 1]));
    const otherDefault = checked.findIndex((profile) => profile.isDefault);
    if (record.isDefault && otherDefault >= 0) {
      throw new ImportError(i18n.t('profileErrors.importTwoDefaults', [otherDefault + 1, i + 1]));
    }
    checked.push({ ...record, ...cleanDraft(record) });
  });
  return checked;
}

/** What {@link importProfiles} did. */
export interface ProfileImportResult {
  added: number;
  /** Added under another name, because a profile here already had theirs. */
  renamed: number;
  /** Already here exactly as in the file (the same backup imported twice), so not added again. */
  unchanged: number;
}

const fold = (name: string) => name.trim().toLocaleLowerCase();

/** `name`, or "name (imported)", "name (imported 2)"… whichever no profile has, within the name limit. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(fold(name))) return name;
  for (let n = 1; ; n++) {
    const suffixOnly = n === 1 ? i18n.t('profile.importedName', ['']) : i18n.t('profile.importedNameNumbered', ['', n]);
    const base = name.slice(0, PROFILE_LIMITS.profileName - suffixOnly.length).trimEnd();
    const candidate =
      n === 1 ? i18n.t('profile.importedName', [base]) : i18n.t('profile.importedNameNumbered', [base, n]);
    if (!taken.has(fold(candidate))) return candidate;
  }
}

/**
 * Adds checked profiles (from {@link checkProfiles}). Nothing stored is ever overwritten:
 * a profile whose name is taken is added as "Work (imported)", one whose id is taken gets
 * a new id, and one already stored exactly as in the file is skipped. An imported default
 * stays the default only when no profile here is one. All or nothing, in one transaction.
 */
export async function importProfiles(db: EdgewiseDatabase, records: ProfileRecord[]): Promise<ProfileImportResult> {
  return db.transaction('rw', db.profiles, async () => {
    const stored = await db.profiles.toArray();
    const byId = new Map(stored.map((profile) => [profile.id, profile]));
    const names = new Set(stored.map((profile) => fold(profile.name)));
    const hadDefault = stored.some((profile) => profile.isDefault);
    const same = (a: ProfileRecord, b: ProfileRecord) =>
      JSON.stringify({ ...copyProfile(a), isDefault: false }) ===
      JSON.stringify({ ...copyProfile(b), isDefault: false });
    const fresh = records.filter((record) => {
      const twin = byId.get(record.id);
      return !twin || !same(twin, record);
    });
    let renamed = 0;
    const added = fresh.map((record) => {
      const name = freeName(record.name, names);
      if (name !== record.name) renamed++;
      names.add(fold(name));
      const id = byId.has(record.id) ? crypto.randomUUID() : record.id;
      byId.set(id, record);
      return { ...copyProfile(record), id, name, isDefault: record.isDefault && !hadDefault };
    });
    await db.profiles.bulkAdd(added);
    await settleDefault(db);
    return { added: added.length, renamed, unchanged: records.length - fresh.length };
  });
}
