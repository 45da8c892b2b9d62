// A person's devices, each by the name they gave it or as browser and system
// ("Chrome auf Android"), when it was first and last seen and last synced; the
// lead of their team can revoke one ("Gerät sperren": its sessions end and it
// wipes the team's data at its next contact).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonDevice } from '../../shared/protocol';
import { Badge, FormError } from '../../ui/components';
import { ConfirmDialog } from '../../ui/components/ConfirmDialog';
import { useFormatters } from '../../ui/format';
import { useSession } from '../../ui/session';
import { useAdminChange, useAdminErrorText } from './use-admin';

export function PersonDevices({ person, revokes }: { person: Person; revokes: boolean }) {
  const { t } = useTranslation();
  const { deviceId } = useSession();
  const [asking, setAsking] = useState<PersonDevice | null>(null);
  const revoke = useAdminChange((admin, id: string) => admin.revokeDevice(id));
  const errorText = useAdminErrorText();
  const nameOf = (device: PersonDevice) =>
    device.name || t('access.deviceKind', { browser: device.browser, system: device.system });

  return (
    <section className="card" aria-labelledby="person-devices">
      <h2 id="person-devices">{t('access.devicesHeading')}</h2>
      {person.devices.length === 0 ? (
        <p className="muted">{t('access.noDevices')}</p>
      ) : (
        <ul className="device-list">
          {person.devices.map((device) => (
            <li key={device.deviceId} className="device-item">
              <DeviceFacts device={device} name={nameOf(device)} isThis={device.deviceId === deviceId} />
              {revokes && !device.revokedAt && (
                <button
                  type="button"
                  className="button button-danger"
                  aria-label={`${t('access.revokeDevice')}: ${nameOf(device)}`}
                  onClick={() => setAsking(device)}
                >
                  {t('access.revokeDevice')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError
        message={revoke.error ? t('access.actionFailed', { message: errorText(revoke.error) }) : null}
      />
      {asking && (
        <ConfirmDialog
          title={t('access.revokeTitle')}
          confirmLabel={t('access.revokeConfirm')}
          cancelLabel={t('app.cancel')}
          onConfirm={() => {
            revoke.mutate(asking.deviceId);
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        >
          <p>{t('access.revokeText', { device: nameOf(asking), name: person.displayName })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function DeviceFacts({ device, name, isThis }: { device: PersonDevice; name: string; isThis: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="device-facts">
      <p className="device-name">
        <strong>{name}</strong>
        {device.name && (
          <span className="muted">
            {' '}
            · {t('access.deviceKind', { browser: device.browser, system: device.system })}
          </span>
        )}
        {isThis && <span className="muted"> · {t('access.thisDevice')}</span>}{' '}
        {device.revokedAt && (
          <Badge tone="alert">{t('access.deviceRevoked', { time: format.dateTime(device.revokedAt) })}</Badge>
        )}
      </p>
      <p className="muted">
        {t('access.firstSeen', { time: format.dateTime(device.firstSeenAt) })} ·{' '}
        {t('access.lastSeen', { time: format.dateTime(device.lastSeenAt) })} ·{' '}
        {device.lastSyncAt
          ? t('access.lastSync', { time: format.dateTime(device.lastSyncAt) })
          : t('access.neverSynced')}
      </p>
    </div>
  );
}
