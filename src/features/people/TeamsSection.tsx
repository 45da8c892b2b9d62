// Administrators: the organisation's teams, each renamed in place, and a new one.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Person, type Team, TeamNameRequest } from '../../shared/protocol';
import { FormError, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { useAdminChange, useAdminErrorText } from './use-admin';

export function TeamsSection({ teams, people }: { teams: readonly Team[]; people: readonly Person[] }) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="teams-heading">
      <h2 id="teams-heading">{t('access.teamsHeading')}</h2>
      <ul className="team-list">
        {teams.map((team) => (
          <li key={team.id}>
            {renaming === team.id ? (
              <RenameTeamForm team={team} onDone={() => setRenaming(null)} />
            ) : (
              <div className="team-row">
                <span>
                  <strong>{team.name}</strong>{' '}
                  <span className="muted">
                    {t('access.teamMembers', {
                      count: people.filter((person) => person.teamId === team.id).length,
                    })}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`${t('access.rename')}: ${team.name}`}
                  onClick={() => setRenaming(team.id)}
                >
                  {t('access.rename')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <NewTeamForm />
    </section>
  );
}

function RenameTeamForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: useMessageResolver(TeamNameRequest), defaultValues: { name: team.name } });
  const rename = useAdminChange((admin, name: string) => admin.renameTeam(team.id, { name }));
  const errorText = useAdminErrorText();

  const submit = form.handleSubmit(async ({ name }) => {
    try {
      await rename.mutateAsync(name);
      onDone();
    } catch (error) {
      form.setError('root', { message: t('access.actionFailed', { message: errorText(error) }) });
    }
  });

  return (
    <form onSubmit={submit} noValidate className="team-form">
      <TextField
        label={t('access.teamName')}
        registration={form.register('name')}
        error={form.formState.errors.name?.message}
        autoComplete="off"
      />
      <FormError message={form.formState.errors.root?.message ?? null} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('access.renameSave')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewTeamForm() {
  const { t } = useTranslation();
  const form = useForm({ resolver: useMessageResolver(TeamNameRequest), defaultValues: { name: '' } });
  const create = useAdminChange((admin, name: string) => admin.createTeam({ name }));
  const errorText = useAdminErrorText();
  const [created, setCreated] = useState<string | null>(null);

  const submit = form.handleSubmit(async ({ name }) => {
    setCreated(null);
    try {
      const team = await create.mutateAsync(name);
      form.reset({ name: '' });
      setCreated(team.name);
    } catch (error) {
      form.setError('root', { message: t('access.actionFailed', { message: errorText(error) }) });
    }
  });

  return (
    <form onSubmit={submit} noValidate className="team-form">
      <TextField
        label={t('access.newTeamName')}
        registration={form.register('name')}
        error={form.formState.errors.name?.message}
        autoComplete="off"
      />
      <FormError message={form.formState.errors.root?.message ?? null} />
      {created && (
        <p className="muted" role="status">
          {t('access.teamCreated', { name: created })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={form.formState.isSubmitting}>
          {t('access.createTeam')}
        </button>
      </div>
    </form>
  );
}
