// Administrators change a person's name, role and team. Only what changed is
// sent: a new team is a scope change (the person's devices push first), which
// the server should not be asked for when only the name changed.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ChangePersonRequest, Person, Team } from '../../shared/protocol';
import { FormError, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { showServerFieldError } from '../../ui/forms/server-field-error';
import { useSession } from '../../ui/session';
import { accessRightsOf } from './permissions';
import { changesOf, ChangePersonForm as Schema } from './person-form';
import { RoleFields } from './RoleFields';
import { useAdminChange, useAdminErrorText } from './use-admin';

const FIELDS = ['displayName', 'role', 'administers', 'teamId'] as const;

export function ChangePersonForm({ person, teams }: { person: Person; teams: readonly Team[] }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const initial = {
    displayName: person.displayName,
    role: person.role,
    administers: person.administers,
    teamId: person.teamId,
  };
  const form = useForm({ resolver: useMessageResolver(Schema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState(false);
  const change = useAdminChange((admin, request: ChangePersonRequest) =>
    admin.changePerson(person.id, request),
  );
  const errorText = useAdminErrorText();

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    const request = changesOf(person, values);
    if (Object.keys(request).length === 0) return;
    try {
      const changed = await change.mutateAsync(request);
      form.reset({
        displayName: changed.displayName,
        role: changed.role,
        administers: changed.administers,
        teamId: changed.teamId,
      });
      setSaved(true);
    } catch (error) {
      if (!showServerFieldError(t, error, FIELDS, form.setError)) {
        form.setError('root', { message: t('access.actionFailed', { message: errorText(error) }) });
      }
    }
  });

  return (
    <form onSubmit={submit} noValidate className="card form">
      <h2>{t('access.changeHeading')}</h2>
      <TextField
        label={t('access.name')}
        registration={form.register('displayName')}
        error={errors.displayName?.message}
        autoComplete="off"
      />
      <RoleFields
        roles={accessRightsOf(user).roles}
        role={form.watch('role')}
        registerRole={form.register('role')}
        registerAdministers={form.register('administers')}
        teams={teams}
        registerTeam={form.register('teamId')}
        errors={{ role: errors.role?.message, teamId: errors.teamId?.message }}
      />
      <p className="field-hint">{t('access.teamChangeHint')}</p>
      <FormError message={errors.root?.message ?? null} />
      {saved && (
        <p className="muted" role="status">
          {t('access.changed')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('access.changeSave')}
        </button>
      </div>
    </form>
  );
}
