// "Freitext" or "Hausbesuch": the home-visit template asks for its five sections
// (Anlass, Beobachtungen, Gespräch mit, Vereinbarungen, Nächste Schritte); the
// free text stays below them for anything else, and is the whole note otherwise.
// Sections that say something stay visible under "Freitext" too: switching the
// template never hides what the note contains.
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NOTE_SECTIONS, NoteTemplate } from '../../shared/records';
import { TextAreaField } from '../../ui/components';
import type { NoteFormValues } from './note-form-schema';

export function TemplateFields({ form }: { form: UseFormReturn<NoteFormValues> }) {
  const { t } = useTranslation();
  const template = form.watch('template');
  const sections = form.watch([...NOTE_SECTIONS]);
  const { errors } = form.formState;
  const homeVisit = template === 'home_visit';
  const shown = NOTE_SECTIONS.filter((_section, index) => homeVisit || (sections[index] ?? '').trim() !== '');

  return (
    <>
      <fieldset className="fieldset template-choice">
        <legend>{t('noteForm.template')}</legend>
        <div className="choice-row">
          {NoteTemplate.options.map((option) => (
            <label key={option} className="choice">
              <input type="radio" value={option} {...form.register('template')} />
              {t(`noteForm.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {shown.map((section) => (
        <TextAreaField
          key={section}
          label={t(`noteForm.${section}`)}
          registration={form.register(section)}
          error={errors[section]?.message}
          rows={section === 'talkedWith' ? 2 : 3}
        />
      ))}
      <TextAreaField
        label={t('notes.text')}
        registration={form.register('text')}
        error={errors.text?.message}
        hint={homeVisit ? t('noteForm.textOptional') : undefined}
        rows={homeVisit ? 3 : 8}
      />
    </>
  );
}
