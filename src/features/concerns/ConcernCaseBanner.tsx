// The mark on a case page while a § 8a concern of the case is not acknowledged:
// everyone who opens the case sees it; a lead can acknowledge from here too.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { acknowledgeConcern } from '../../db/repositories/concerns';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { useOpenConcernsOfCase } from './use-concerns';
import './concerns.css';

export function ConcernCaseBanner({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { db, actor, user } = useSession();
  const concerns = useOpenConcernsOfCase(caseId);
  if (!concerns || concerns.length === 0) return null;
  const isLead = user.role === 'lead';
  return (
    <section className="banner banner-danger concern-banner" aria-label={t('notes.badge8a')}>
      <p className="banner-title">{t('concerns.caseBanner')}</p>
      <ul className="plain-list">
        {concerns.map((note) => (
          <li key={note.id} className="concern-banner-item">
            {isLead && note.version > 0 ? (
              <Link to={paths.reviewNote(note.id)}>
                {t('concerns.caseBannerNote', { date: format.day(note.date) })}
              </Link>
            ) : (
              <span>{t('concerns.caseBannerNote', { date: format.day(note.date) })}</span>
            )}
            {isLead && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void acknowledgeConcern(db, actor, note.id)}
              >
                {t('concerns.acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
