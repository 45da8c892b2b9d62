// "Person hinzufügen": name, username, role and team; the answer's invitation
// code is shown once, to copy or print for the person.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { NewPersonResponse } from '../../shared/protocol';
import { BackLink, FormError, PageHeader, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { showServerFieldError } from '../../ui/forms/server-field-error';
import { paths } from '../../ui/paths';
import { useSession } from '../../ui/session';
import { IssuedCodeCard } from './IssuedCodeCard';
import { OnlineOnly } from './OnlineOnly';
import { accessRightsOf } from './permissions';
import { emptyPersonForm, newPersonRequestOf, PersonForm } from './person-form';
import { RoleFields } from './RoleFields';
import { useAdminChange, useAdminErrorText, usePeople } from './use-admin';

export function NewPersonPage() {
  const { t } = useTranslation();
  const [added, setAdded] = useState<NewPersonResponse | null>(null);
  return (
    <>
      <BackLink to={paths.team} label={t('access.backToList')} />
      <PageHeader title={t('access.addPerson')} />
      <OnlineOnly>
        {added ? (
          <>
            <p role="status">{t('access.added', { name: added.person.displayName })}</p>
            <IssuedCodeCard
              heading={t('access.invitationFor', { name: added.person.displayName })}
              issued={added.invitation}
              person={added.person}
            />
            <div className="form-actions">
              <button type="button" className="button button-secondary" onClick={() => setAdded(null)}>
                {t('access.addAnother')}
              </button>
            </div>
          </>
        ) : (
          <NewPersonForm onAdded={setAdded} />
        )}
      </OnlineOnly>
    </>
  );
}

const FIELDS = ['displayName', 'username', 'role', 'teamId'] as const;

function NewPersonForm({ onAdded }: { onAdded: (response: NewPersonResponse) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const rights = accessRightsOf(user);
  const people = usePeople();
  const known = people.data?.teams ?? [];
  const teams = rights.administers ? known : known.filter((team) => team.id === user.teamId);
  const form = useForm({
    resolver: useMessageResolver(PersonForm),
    defaultValues: emptyPersonForm(user.teamId),
  });
  const { errors, isSubmitting } = form.formState;
  const add = useAdminChange((admin, request: Parameters<typeof admin.addPerson>[0]) =>
    admin.addPerson(request),
  );
  const errorText = useAdminErrorText();

  const submit = form.handleSubmit(async (values) => {
    try {
      onAdded(await add.mutateAsync(newPersonRequestOf(values)));
    } catch (error) {
      if (!showServerFieldError(t, error, FIELDS, form.setError)) {
        form.setError('root', { message: t('access.addFailed', { message: errorText(error) }) });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card form">
      <p className="muted">{t('access.newPersonIntro')}</p>
      <TextField
        label={t('access.name')}
        registration={form.register('displayName')}
        error={errors.displayName?.message}
        autoComplete="off"
      />
      <TextField
        label={t('access.username')}
        hint={t('access.usernameHint')}
        registration={form.register('username')}
        error={errors.username?.message}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
      />
      <RoleFields
        roles={rights.roles}
        role={form.watch('role')}
        registerRole={form.register('role')}
        registerAdministers={rights.administers ? form.register('administers') : null}
        teams={teams}
        registerTeam={form.register('teamId')}
        errors={{ role: errors.role?.message, teamId: errors.teamId?.message }}
      />
      <FormError message={errors.root?.message ?? null} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('access.addPerson')}
        </button>
      </div>
    </form>
  );
}
