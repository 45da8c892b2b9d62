import { useTranslation } from 'react-i18next';
import { ButtonLink, PageHeader } from '../../ui/components';
import { paths } from '../../ui/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.notFoundTitle')} />
      <p>{t('app.notFoundText')}</p>
      <ButtonLink to={paths.today}>{t('app.toStart')}</ButtonLink>
    </>
  );
}
