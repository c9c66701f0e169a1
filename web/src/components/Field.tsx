import { useId, type ReactNode } from 'react';
import type { FieldError } from '../api/errors';
import { FieldErrorText } from './RefusalText';

/**
 * A labelled control with an optional hint and error, wired with aria-describedby and aria-invalid. `children`
 * gets the props to spread on the control.
 */
export function Field({
  label,
  hint,
  error,
  lang,
  children,
}: {
  label: string;
  hint?: string;
  /** What is wrong: the panel's own sentence, or a refusal of the server (said in the reader's language). */
  error?: FieldError;
  lang?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; lang?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, lang })}
      {error && (
        <span id={errorId} className="field-error">
          <FieldErrorText error={error} />
        </span>
      )}
    </div>
  );
}
