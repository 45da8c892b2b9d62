// Labelled form controls: each has a <label>, and its error (German, from the
// shared zod schemas) sits right below it, announced via aria-describedby and
// aria-invalid. A control is either wired to react-hook-form (`registration`) or
// controlled by plain props (value, onChange) where a form does without it.
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface FieldText {
  label: string;
  error?: string | undefined;
  hint?: string;
}

/** Props react-hook-form's register() supplies; callers may still pass min, max and the like. */
type RegisteredProps = 'name' | 'onChange' | 'onBlur' | 'ref';

/** Either a registration, or the control's own props with no registration. */
type Wiring<Attributes> =
  | ({ registration: UseFormRegisterReturn } & Omit<Attributes, 'id' | RegisteredProps>)
  | ({ registration?: undefined } & Omit<Attributes, 'id'>);

interface ControlAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function controlAria(id: string, error?: string, hint?: string): ControlAria {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
  };
}

function FieldMessages({ id, error, hint }: { id: string; error?: string | undefined; hint?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** The label above, the messages below; `control` renders the input tied to both. */
function LabelledField({
  label,
  error,
  hint,
  control,
}: FieldText & { control: (aria: ControlAria) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control(controlAria(id, error, hint))}
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export function TextField({
  label,
  error,
  hint,
  registration,
  ...input
}: FieldText & Wiring<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(aria) => <input {...aria} {...input} {...registration} />}
    />
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  registration,
  rows = 6,
  ...textarea
}: FieldText & Wiring<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(aria) => <textarea rows={rows} {...aria} {...textarea} {...registration} />}
    />
  );
}

export function SelectField({
  label,
  error,
  hint,
  registration,
  children,
  ...select
}: FieldText & Wiring<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode }) {
  return (
    <LabelledField
      label={label}
      error={error}
      hint={hint}
      control={(aria) => (
        <select {...aria} {...select} {...registration}>
          {children}
        </select>
      )}
    />
  );
}

export function CheckboxField({
  label,
  registration,
  error,
}: Omit<FieldText, 'hint'> & { registration: UseFormRegisterReturn }) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input type="checkbox" {...controlAria(id, error)} {...registration} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} error={error} />
    </div>
  );
}
