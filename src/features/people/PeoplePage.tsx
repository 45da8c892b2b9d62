// "Team & Zugänge": the people an administrator (the organisation) or a lead
// (their team) is responsible for, team by team: role, status, devices, last
// sync, and a blocked person's open cases for the lead to hand over. Each
// person's page holds the steps about them; administrators also name teams here.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PeopleResponse, Person } from '../../shared/protocol';
import { Badge, ButtonLink, FormError, Loading, PageHeader } from '../../ui/components';
import { useFormatters } from '../../ui/format';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { OnlineOnly } from './OnlineOnly';
import { accessRightsOf, roleLabelKey } from './permissions';
import { TeamsSection } from './TeamsSection';
import { useAdminErrorText, usePeople } from './use-admin';
import './people.css';

export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const rights = accessRightsOf(user);
  return (
    <>
      <PageHeader title={t('access.title')}>
        <ButtonLink to={paths.newPerson}>{t('access.addPerson')}</ButtonLink>
        {rights.setsTeamSettings && (
          <ButtonLink to={paths.teamSettings} variant="secondary">
            {t('access.teamSettings')}
          </ButtonLink>
        )}
      </PageHeader>
      <OnlineOnly>
        <PeopleOverview />
      </OnlineOnly>
    </>
  );
}

function PeopleOverview() {
  const { t } = useTranslation();
  const { user } = useSession();
  const people = usePeople();
  const errorText = useAdminErrorText();

  if (people.isError) {
    return (
      <div className="card">
        <FormError message={t('access.loadFailed', { message: errorText(people.error) })} />
        <button type="button" className="button button-secondary" onClick={() => void people.refetch()}>
          {t('access.retry')}
        </button>
      </div>
    );
  }
  if (!people.data) return <Loading label={t('app.loading')} />;
  const { data } = people;

  return (
    <>
      <p className="muted">
        {user.administers
          ? t('access.introOrganisation', { organisation: data.organisationName })
          : t('access.introTeam')}
      </p>
      {user.administers && <TeamsSection teams={data.teams} people={data.people} />}
      {teamsWithPeople(data).map(({ team, members }) => (
        <section key={team.id} className="people-team" aria-labelledby={`team-${team.id}`}>
          <h2 id={`team-${team.id}`}>{team.name}</h2>
          {members.length === 0 ? (
            <p className="muted">{t('access.noPeople')}</p>
          ) : (
            <ul className="people-list">
              {members.map((person) => (
                <li key={person.id}>
                  <PersonSummary person={person} isYou={person.id === user.id} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

/** Teams in the server's order, each with its people by name; a lead's answer holds only their own. */
function teamsWithPeople({ teams, people }: PeopleResponse) {
  return teams.map((team) => ({
    team,
    members: people
      .filter((person) => person.teamId === team.id)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de')),
  }));
}

const STATUS_TONE = { invited: 'pending', active: 'success', blocked: 'alert' } as const;

function PersonSummary({ person, isYou }: { person: Person; isYou: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const handOver = person.status === 'blocked' && person.openCaseCount > 0;
  return (
    <Link to={paths.person(person.id)} className="card person-summary">
      <span className="person-name">
        {person.displayName} {isYou && <span className="muted">{t('access.you')}</span>}
      </span>
      <span className="person-meta">
        <span>{t(roleLabelKey(person))}</span>
        <Badge tone={STATUS_TONE[person.status]}>{t(`access.status.${person.status}`)}</Badge>
      </span>
      <span className="person-meta muted">
        <span>{t('access.devices', { count: person.devices.length })}</span>
        <span>
          {person.lastSyncAt
            ? t('access.lastSync', { time: format.dateTime(person.lastSyncAt) })
            : t('access.neverSynced')}
        </span>
      </span>
      {handOver && (
        <span className="person-hand-over">{t('access.handOver', { count: person.openCaseCount })}</span>
      )}
    </Link>
  );
}
