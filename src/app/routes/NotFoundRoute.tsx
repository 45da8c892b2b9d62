import { useTranslation } from 'react-i18next';
import { ButtonLink, PageHeader } from '../../ui/components';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('app.notFoundTitle')} />
      <p>{t('app.notFoundText')}</p>
      <ButtonLink to="/">{t('app.toStart')}</ButtonLink>
    </>
  );
}
