import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PartnerRecord } from '../../shared/records';
import { BackLink, EmptyState, Loading, PageHeader } from '../../ui/components';
import { changedFields } from '../../ui/forms/changed-fields';
import { paths } from '../../ui/paths';
import { PartnerForm } from './PartnerForm';
import { useCanEditPartners, usePartner, usePartnerWrites } from './use-partners';

export function EditPartnerPage({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const partner = usePartner(partnerId);
  const canEdit = useCanEditPartners();

  return (
    <>
      <BackLink to={paths.partner(partnerId)} label={t('app.back')} />
      <PageHeader title={t('partners.editTitle')} />
      {partner === undefined && <Loading label={t('app.loading')} />}
      {partner === null && <EmptyState>{t('partners.notFound')}</EmptyState>}
      {partner && !canEdit && <EmptyState>{t('partners.leadsEdit')}</EmptyState>}
      {partner && canEdit && <EditPartner partner={partner} />}
    </>
  );
}

function EditPartner({ partner }: { partner: PartnerRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { update } = usePartnerWrites();
  const { name, organisation, services, contact, district } = partner;
  const initial = { name, organisation, services, contact, district };
  const back = () => navigate(paths.partner(partner.id), { replace: true });

  return (
    <PartnerForm
      // A resolved conflict changes the record underneath: start again from the resolved values.
      key={`${partner.id}-${partner.conflicts.length}`}
      initial={initial}
      submitLabel={t('app.save')}
      onSubmit={async (fields) => {
        const patch = changedFields(initial, fields);
        if (Object.keys(patch).length > 0) await update(partner.id, patch);
        back();
      }}
    >
      <button type="button" className="button button-quiet" onClick={back}>
        {t('app.cancel')}
      </button>
    </PartnerForm>
  );
}
