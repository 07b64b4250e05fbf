import type { ComponentChildren } from 'preact';
import type { ProblemKey, ProfileProblem } from '@/lib/profile';

/** The element id of a form input, by its problem key; the message's id adds `-error`. */
export const inputId = (key: ProblemKey) => `profile-field-${key}`;

/** An input's message: announced at once when it is a refused secret, as that is what must go. */
export function ProblemMessage({ id, problem }: { id: string; problem: ProfileProblem | undefined }) {
  if (!problem) return null;
  return (
    <p
      id={id}
      class={problem.secret ? 'field-error secret' : 'field-error'}
      role={problem.secret ? 'alert' : undefined}
    >
      {problem.message}
    </p>
  );
}

/** `aria-describedby` and `aria-invalid` of an input with an optional hint and message. */
export function described(key: ProblemKey, problem: ProfileProblem | undefined, hintId?: string) {
  const ids = [hintId, problem ? `${inputId(key)}-error` : undefined].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': problem ? ('true' as const) : undefined };
}

interface Props {
  problemKey: ProblemKey;
  label: string;
  value: string;
  problem: ProfileProblem | undefined;
  hint?: string;
  inputMode?: 'email' | 'tel' | 'url';
  placeholder?: string;
  onInput(value: string): void;
  /** A Remove button after the input (for a second email, a link). */
  remove?: ComponentChildren;
}

/**
 * One labelled text input with its hint and message. Always `type="text"`: email and url
 * inputs let the browser tidy the value (and a date input drops half-typed text), but the
 * form keeps exactly what was typed. No spell check, which may send text off the device.
 */
export function FieldInput({
  problemKey,
  label,
  value,
  problem,
  hint,
  inputMode,
  placeholder,
  onInput,
  remove,
}: Props) {
  const id = inputId(problemKey);
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div class="profile-field">
      <label for={id}>{label}</label>
      <div class="profile-input-row">
        <input
          id={id}
          type="text"
          value={value}
          inputMode={inputMode}
          placeholder={placeholder}
          autoComplete="off"
          spellcheck={false}
          {...described(problemKey, problem, hintId)}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {remove}
      </div>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <ProblemMessage id={`${id}-error`} problem={problem} />
    </div>
  );
}
