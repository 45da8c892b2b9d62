import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PartnerRecord } from '../../shared/records';
import {
  BackLink,
  Badge,
  ButtonLink,
  ConflictBadge,
  EmptyState,
  Loading,
  PageHeader,
} from '../../ui/components';
import { DeleteButton } from '../../ui/components/DeleteButton';
import { paths } from '../../ui/paths';
import { contactLinks } from './contact-links';
import { useCanEditPartners, usePartner, usePartnerWrites } from './use-partners';
import './partners.css';

interface PartnerDetailPageProps {
  partnerId: string;
  /** The inline conflict resolver, from the route. */
  renderConflicts?: (partner: PartnerRecord) => ReactNode;
}

export function PartnerDetailPage({ partnerId, renderConflicts }: PartnerDetailPageProps) {
  const { t } = useTranslation();
  const partner = usePartner(partnerId);
  const canEdit = useCanEditPartners();

  return (
    <>
      <BackLink to={paths.partners} label={t('partners.backToList')} />
      {partner === undefined && <Loading label={t('app.loading')} />}
      {partner === null && (
        <>
          <PageHeader title={t('partners.title')} />
          <EmptyState>{t('partners.notFound')}</EmptyState>
        </>
      )}
      {partner && (
        <>
          <PageHeader title={partner.name}>
            <ConflictBadge record={partner} />
            {partner.version === 0 && <Badge tone="pending">{t('partners.unsynced')}</Badge>}
            {canEdit && (
              <ButtonLink to={paths.editPartner(partner.id)} variant="secondary">
                {t('partners.edit')}
              </ButtonLink>
            )}
          </PageHeader>
          {renderConflicts?.(partner)}
          <PartnerFacts partner={partner} />
          {canEdit && <DeletePartner partner={partner} />}
        </>
      )}
    </>
  );
}

function PartnerFacts({ partner }: { partner: PartnerRecord }) {
  const { t } = useTranslation();
  const links = contactLinks(partner.contact);
  return (
    <section className="card partner-detail" aria-label={t('partners.contact')}>
      <dl className="facts">
        {partner.organisation && (
          <div className="fact">
            <dt>{t('partners.organisation')}</dt>
            <dd>{partner.organisation}</dd>
          </div>
        )}
        {partner.district && (
          <div className="fact">
            <dt>{t('partners.district')}</dt>
            <dd>{partner.district}</dd>
          </div>
        )}
        {partner.services && (
          <div className="fact">
            <dt>{t('partners.services')}</dt>
            <dd className="note-text">{partner.services}</dd>
          </div>
        )}
        <div className="fact">
          <dt>{t('partners.contact')}</dt>
          <dd className="note-text">{partner.contact || t('partners.noContact')}</dd>
        </div>
      </dl>
      {links.length > 0 && (
        <ul className="plain-list contact-actions">
          {links.map((link) => (
            <li key={link.href}>
              <a className="button button-secondary" href={link.href}>
                {link.kind === 'tel'
                  ? t('partners.call', { number: link.text })
                  : t('partners.mail', { address: link.text })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeletePartner({ partner }: { partner: PartnerRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { remove } = usePartnerWrites();
  return (
    <div className="form-actions">
      <DeleteButton
        label={t('partners.delete')}
        title={t('partners.deleteTitle')}
        text={t('partners.deleteText', { name: partner.name })}
        onConfirm={async () => {
          await remove(partner.id);
          navigate(paths.partners, { replace: true });
        }}
      />
    </div>
  );
}
