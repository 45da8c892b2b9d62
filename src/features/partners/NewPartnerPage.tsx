import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackLink, EmptyState, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';
import { emptyPartner, PartnerForm } from './PartnerForm';
import { useCanEditPartners, usePartnerWrites } from './use-partners';

export function NewPartnerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanEditPartners();
  const { create } = usePartnerWrites();

  return (
    <>
      <BackLink to={paths.partners} label={t('partners.backToList')} />
      <PageHeader title={t('partners.newPartner')} />
      {canEdit ? (
        <PartnerForm
          initial={emptyPartner()}
          submitLabel={t('app.save')}
          onSubmit={async (fields) => {
            const created = await create(fields);
            navigate(paths.partner(created.id), { replace: true });
          }}
        />
      ) : (
        <EmptyState>{t('partners.leadsEdit')}</EmptyState>
      )}
    </>
  );
}
