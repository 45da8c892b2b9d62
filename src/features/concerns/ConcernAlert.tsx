// The shell's § 8a alert for leads: as soon as a note with a child-protection
// concern that this lead has not opened yet is in the local database (also one
// that a sync brought while the app is open), an alert names it and links to it
// in Prüfen. Opening the note there (or acknowledging it) ends the alert.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { useUnseenConcerns } from './use-concerns';
import './concerns.css';

export function ConcernAlert() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { user } = useSession();
  const concerns = useUnseenConcerns(user.role === 'lead');
  // The live region stays in the page, so screen readers announce what enters it.
  return (
    <div role="alert" className={concerns.length > 0 ? 'concern-alert' : 'concern-alert-idle'}>
      {concerns.length > 0 && (
        <>
          <p className="concern-alert-title">{t('concernAlert.title', { count: concerns.length })}</p>
          <ul className="plain-list concern-alert-list">
            {concerns.map(({ note, caseName, authorName }) => (
              <li key={note.id}>
                <Link to={paths.reviewNote(note.id)} className="concern-alert-link">
                  <span>
                    {t('concernAlert.item', {
                      caseName: caseName ?? t('concernAlert.unknownCase'),
                      author: authorName ?? '–',
                      date: format.day(note.date),
                    })}
                  </span>
                  <span className="concern-alert-open">{t('concernAlert.open')}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
