// The people, teams and settings live on the server only: offline a screen of
// "Team & Zugänge" says so instead of an empty list or a spinner that never ends.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from '../../ui/session';

export function OnlineOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { online } = useSyncState();
  if (!online) {
    return (
      <p className="notice notice-warning" role="status">
        {t('access.offline')}
      </p>
    );
  }
  return children;
}
