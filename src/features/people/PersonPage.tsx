// One person on "Team & Zugänge": role, team and status; a new one-time code
// ("Passwort zurücksetzen"), blocking and unblocking; for administrators their
// role, name and team; and their devices, each of which their lead can revoke.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedCode, Person, Team } from '../../shared/protocol';
import { BackLink, Badge, FormError, Loading, PageHeader } from '../../ui/components';
import { ConfirmDialog } from '../../ui/components/ConfirmDialog';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { ChangePersonForm } from './ChangePersonForm';
import { IssuedCodeCard } from './IssuedCodeCard';
import { OnlineOnly } from './OnlineOnly';
import { PersonDevices } from './PersonDevices';
import { accessRightsOf, roleLabelKey } from './permissions';
import { useAdminChange, useAdminErrorText, usePeople } from './use-admin';
import './people.css';

export function PersonPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <BackLink to={paths.team} label={t('access.backToList')} />
      <OnlineOnly>
        <PersonLoader personId={personId} />
      </OnlineOnly>
    </>
  );
}

function PersonLoader({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const people = usePeople();
  const errorText = useAdminErrorText();
  if (people.isError)
    return <FormError message={t('access.loadFailed', { message: errorText(people.error) })} />;
  if (!people.data) return <Loading label={t('app.loading')} />;
  const person = people.data.people.find((candidate) => candidate.id === personId);
  if (!person) {
    return (
      <>
        <PageHeader title={t('access.title')} />
        <p className="empty-state">{t('access.notFound')}</p>
      </>
    );
  }
  return <PersonDetails person={person} teams={people.data.teams} />;
}

const STATUS_TONE = { invited: 'pending', active: 'success', blocked: 'alert' } as const;

function PersonDetails({ person, teams }: { person: Person; teams: readonly Team[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const rights = accessRightsOf(user);
  const teamName = teams.find((team) => team.id === person.teamId)?.name ?? '';
  const [issued, setIssued] = useState<IssuedCode | null>(null);

  return (
    <>
      <PageHeader title={person.displayName} />
      <section className="card" aria-labelledby="person-access">
        <h2 id="person-access">{t('access.accessHeading')}</h2>
        <dl className="person-facts">
          <dt>{t('access.username')}</dt>
          <dd>{person.username}</dd>
          <dt>{t('access.roleLabel')}</dt>
          <dd>{t(roleLabelKey(person))}</dd>
          <dt>{t('access.team')}</dt>
          <dd>{teamName}</dd>
          <dt>{t('access.statusLabel')}</dt>
          <dd>
            <Badge tone={STATUS_TONE[person.status]}>{t(`access.status.${person.status}`)}</Badge>
          </dd>
        </dl>
        {person.openCaseCount > 0 && (
          <p className={person.status === 'blocked' ? 'person-hand-over' : 'muted'}>
            {t(person.status === 'blocked' ? 'access.handOver' : 'access.openCases', {
              count: person.openCaseCount,
            })}
          </p>
        )}
        {rights.manages(person) && <AccessActions person={person} onIssued={setIssued} />}
      </section>
      {issued && (
        <IssuedCodeCard
          heading={t('access.resetDone', { name: person.displayName })}
          issued={issued}
          person={person}
        />
      )}
      {rights.administers && <ChangePersonForm key={person.id} person={person} teams={teams} />}
      <PersonDevices person={person} revokes={rights.revokesDevicesOf(person)} />
    </>
  );
}

type Asking = 'reset' | 'block' | 'unblock' | null;

function AccessActions({ person, onIssued }: { person: Person; onIssued: (code: IssuedCode) => void }) {
  const { t } = useTranslation();
  const errorText = useAdminErrorText();
  const [asking, setAsking] = useState<Asking>(null);
  const reset = useAdminChange((admin, id: string) => admin.resetPassword(id));
  const block = useAdminChange((admin, id: string) => admin.blockPerson(id));
  const unblock = useAdminChange((admin, id: string) => admin.unblockPerson(id));
  const failure = reset.error ?? block.error ?? unblock.error;
  const name = person.displayName;

  function confirm() {
    const step = asking;
    setAsking(null);
    for (const mutation of [reset, block, unblock]) mutation.reset();
    if (step === 'reset') reset.mutate(person.id, { onSuccess: onIssued });
    if (step === 'block') block.mutate(person.id);
    if (step === 'unblock') unblock.mutate(person.id);
  }

  const blocked = person.status === 'blocked';
  return (
    <>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => setAsking('reset')}>
          {t('access.resetPassword')}
        </button>
        <button
          type="button"
          className={`button ${blocked ? 'button-secondary' : 'button-danger'}`}
          onClick={() => setAsking(blocked ? 'unblock' : 'block')}
        >
          {t(blocked ? 'access.unblock' : 'access.block')}
        </button>
      </div>
      <FormError message={failure ? t('access.actionFailed', { message: errorText(failure) }) : null} />
      {asking && (
        <ConfirmDialog
          title={t(`access.${asking}Title`, { name })}
          confirmLabel={t(`access.${asking}Confirm`)}
          cancelLabel={t('app.cancel')}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        >
          <p>{t(`access.${asking}Text`, { name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
