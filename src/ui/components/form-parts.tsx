// Pieces several record forms share: the contact kind, a duration in minutes and
// the row of buttons under a form. Imported directly, not through the components
// index: it pulls in the shared record schemas, which would otherwise be split
// off into one more chunk of the login screen.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ContactKind } from '../../shared/records';
import { buttonClass, type Variant } from './basics';
import { SelectField, TextField } from './fields';

interface RegisteredFieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}

export function ContactKindSelect({ label, registration, error }: RegisteredFieldProps) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} registration={registration} error={error}>
      {ContactKind.options.map((kind) => (
        <option key={kind} value={kind}>
          {t(`kind.${kind}`)}
        </option>
      ))}
    </SelectField>
  );
}

/** A whole number of minutes up to a day, in steps of five; register it with valueAsNumber. */
export function MinutesField({ label, registration, error }: RegisteredFieldProps) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      max={1440}
      step={5}
      registration={registration}
      error={error}
    />
  );
}

interface FormActionsProps {
  submitLabel: string;
  variant?: Variant;
  disabled?: boolean;
  /** Further buttons after the submit button, such as cancel. */
  children?: ReactNode;
}

export function FormActions({ submitLabel, variant = 'primary', disabled, children }: FormActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className={buttonClass(variant)} disabled={disabled}>
        {submitLabel}
      </button>
      {children}
    </div>
  );
}
