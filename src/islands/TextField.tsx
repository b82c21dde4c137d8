import type { InputHTMLAttributes } from 'preact';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  errorPrefix: string;
};

/** A labelled input with an optional hint and error, both tied by aria-describedby. */
export default function TextField({ id, label, hint, error, errorPrefix, ...input }: Props) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{errorPrefix} </span>
          {error}
        </p>
      )}
      <input
        {...input}
        id={id}
        name={id}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described || undefined}
      />
    </div>
  );
}
