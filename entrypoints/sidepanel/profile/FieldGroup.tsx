import { useMemo } from 'preact/hooks';
import { i18n } from '@/lib/i18n';
import type { ProfileBook } from '@/lib/panel';
import {
  PROFILE_GROUPS,
  REPEATABLE_TOKENS,
  countryOptions,
  fieldKey,
  formValues,
  fieldLabel,
  type ProfileDraft,
  type ProfileGroup,
  type ProfileProblems,
  type ProfileToken,
} from '@/lib/profile';
import { FieldInput, ProblemMessage, described, inputId } from './FieldInput';

const INPUT_MODES: Partial<Record<ProfileToken, 'email' | 'tel' | 'url'>> = { email: 'email', tel: 'tel', url: 'url' };
const ADD_LABELS: Partial<Record<ProfileToken, 'profile.addEmail' | 'profile.addTel' | 'profile.addUrl'>> = {
  email: 'profile.addEmail',
  tel: 'profile.addTel',
  url: 'profile.addUrl',
};
const HINTS: Partial<Record<ProfileToken, 'profile.telHint' | 'profile.bdayHint'>> = {
  tel: 'profile.telHint',
  bday: 'profile.bdayHint',
};

interface Props {
  group: ProfileGroup;
  book: ProfileBook;
  draft: ProfileDraft;
  problems: ProfileProblems;
}

/** One section of the profile form: its fields, with "Add another" where forms need a choice. */
export function FieldGroup({ group, book, draft, problems }: Props) {
  return (
    <fieldset>
      <legend>{i18n.t(`profile.group.${group}`)}</legend>
      {PROFILE_GROUPS[group].map((token) =>
        token === 'country' ? (
          <CountrySelect key={token} book={book} value={formValues(draft, token)[0] ?? ''} problems={problems} />
        ) : (
          <Values key={token} token={token} book={book} draft={draft} problems={problems} />
        ),
      )}
    </fieldset>
  );
}

function Values({ token, book, draft, problems }: { token: ProfileToken } & Omit<Props, 'group'>) {
  const values = formValues(draft, token);
  const add = ADD_LABELS[token];
  const hint = HINTS[token];
  return (
    <>
      {values.map((value, index) => {
        const label = fieldLabel(token, index);
        return (
          <FieldInput
            key={index}
            problemKey={fieldKey(token, index)}
            label={label}
            value={value}
            problem={problems[fieldKey(token, index)]}
            hint={index === 0 && hint ? i18n.t(hint) : undefined}
            inputMode={INPUT_MODES[token]}
            onInput={(text) => book.setValue(token, index, text)}
            remove={
              index > 0 && (
                <button
                  type="button"
                  aria-label={i18n.t('profile.remove', [label])}
                  onClick={() => book.removeValue(token, index)}
                >
                  {i18n.t('profile.removeShort')}
                </button>
              )
            }
          />
        );
      })}
      {add && REPEATABLE_TOKENS.includes(token) && (
        <div class="toolbar small">
          <button type="button" onClick={() => book.addValue(token)}>
            {i18n.t(add)}
          </button>
        </div>
      )}
    </>
  );
}

/** Countries by name in the browser's language; what is stored is the ISO code. */
function CountrySelect({ book, value, problems }: { book: ProfileBook; value: string; problems: ProfileProblems }) {
  const options = useMemo(() => countryOptions(), []);
  const key = fieldKey('country', 0);
  const known = value === '' || options.some((option) => option.code === value);
  return (
    <div class="profile-field">
      <label for={inputId(key)}>{fieldLabel('country')}</label>
      <select
        id={inputId(key)}
        value={value}
        {...described(key, problems[key])}
        onChange={(e) => book.setValue('country', 0, e.currentTarget.value)}
      >
        <option value="">{i18n.t('profile.chooseCountry')}</option>
        {options.map(({ code, name }) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
        {/* A value the list lacks (from an old import) stays visible rather than silently changing. */}
        {!known && <option value={value}>{value}</option>}
      </select>
      <ProblemMessage id={`${inputId(key)}-error`} problem={problems[key]} />
    </div>
  );
}
