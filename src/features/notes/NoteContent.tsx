// What a note says: the home-visit template's sections under their headings,
// then the free text. Shared by the case's timeline and any other note view.
import { useTranslation } from 'react-i18next';
import { NOTE_SECTIONS, type NoteRecord } from '../../shared/records';
import './note-form.css';

/** `level` is the heading level of the sections (one below the note's own heading). */
export function NoteContent({ note, level = 4 }: { note: NoteRecord; level?: 4 | 5 }) {
  const { t } = useTranslation();
  const Heading = level === 4 ? 'h4' : 'h5';
  // A section is shown when it says something, whatever the template (an edit may have switched it).
  const sections = NOTE_SECTIONS.filter((section) => note[section].trim() !== '');

  return (
    <>
      {sections.length > 0 && (
        <div className="note-sections">
          {sections.map((section) => (
            <section key={section} className="note-section">
              <Heading>{t(`noteForm.${section}`)}</Heading>
              <p className="note-text">{note[section]}</p>
            </section>
          ))}
        </div>
      )}
      {note.text.trim() !== '' && <p className="note-text">{note.text}</p>}
    </>
  );
}
