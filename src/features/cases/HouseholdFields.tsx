// The household in the case form: young people (first name, month and year of
// birth, gender) and Sorgeberechtigte (name, contact), added and removed one by
// one. Each person keeps the id they got when added, so a later edit changes
// that person rather than replacing everybody.
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Gender } from '../../shared/records';
import { SelectField, TextField } from '../../ui/components';
import { type CaseFormInput, newGuardian, newYoungPerson } from './case-form-schema';

interface HouseholdFieldsProps {
  control: Control<CaseFormInput, unknown, unknown>;
  register: UseFormRegister<CaseFormInput>;
  errors: FieldErrors<CaseFormInput>['household'];
}

export function HouseholdFields({ control, register, errors }: HouseholdFieldsProps) {
  const { t } = useTranslation();
  // keyName 'key': the persons' own `id` must stay theirs, not react-hook-form's row key.
  const { fields, append, remove } = useFieldArray({ control, name: 'household', keyName: 'key' });
  let youngNumber = 0;
  let guardianNumber = 0;

  return (
    <fieldset className="fieldset household">
      <legend>{t('household.title')}</legend>
      {fields.length === 0 && <p className="muted">{t('household.none')}</p>}
      <ul className="plain-list household-list">
        {fields.map((member, index) => {
          const memberErrors = errors?.[index] as
            | Record<string, { message?: string } | undefined>
            | undefined;
          const error = (name: string) => memberErrors?.[name]?.message;
          const heading =
            member.kind === 'young_person'
              ? t('household.youngPerson', { number: ++youngNumber })
              : t('household.guardian', { number: ++guardianNumber });
          const headingId = `household-${member.id}`;
          return (
            <li key={member.key} className="household-member">
              <div className="household-head">
                <h3 id={headingId}>{heading}</h3>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-describedby={headingId}
                  onClick={() => remove(index)}
                >
                  {t('household.remove')}
                </button>
              </div>
              {member.kind === 'young_person' ? (
                <div className="field-row">
                  <TextField
                    label={t('household.firstName')}
                    registration={register(`household.${index}.firstName`)}
                    error={error('firstName')}
                    autoComplete="off"
                  />
                  <TextField
                    label={t('household.birthMonth')}
                    // Where a browser has no month picker the input is plain text: the placeholder shows how to type it.
                    placeholder={t('household.birthMonthHint')}
                    type="month"
                    registration={register(`household.${index}.birthMonth`)}
                    error={error('birthMonth')}
                  />
                  <SelectField
                    label={t('household.gender')}
                    registration={register(`household.${index}.gender`)}
                    error={error('gender')}
                  >
                    {Gender.options.map((gender) => (
                      <option key={gender} value={gender}>
                        {t(`gender.${gender}`)}
                      </option>
                    ))}
                  </SelectField>
                </div>
              ) : (
                <div className="field-row">
                  <TextField
                    label={t('household.name')}
                    registration={register(`household.${index}.name`)}
                    error={error('name')}
                    autoComplete="off"
                  />
                  <TextField
                    label={t('household.contact')}
                    hint={t('household.contactHint')}
                    registration={register(`household.${index}.contact`)}
                    error={error('contact')}
                    autoComplete="off"
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {typeof errors?.message === 'string' && <p className="field-error">{errors.message}</p>}
      <div className="form-actions household-actions">
        <button type="button" className="button button-secondary" onClick={() => append(newYoungPerson())}>
          {t('household.addYoungPerson')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => append(newGuardian())}>
          {t('household.addGuardian')}
        </button>
      </div>
    </fieldset>
  );
}
