// "Team-Einstellungen" (the lead): the auto-lock minutes, the team's districts
// (the choices of a case's "Stadtteil") and the Jugendamt / ASD emergency
// contact. The signed-in user carries the team's current settings (they come
// with every token); what was saved here last is kept for this session.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TeamSettings } from '../../shared/protocol';
import { BackLink, FormError, PageHeader, TextAreaField, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { paths } from '../../ui/paths';
import { queryClient } from '../../ui/query-client';
import { useSession } from '../../ui/session';
import { DistrictsField } from './DistrictsField';
import { OnlineOnly } from './OnlineOnly';
import { accessRightsOf } from './permissions';
import { useAdminChange, useAdminErrorText } from './use-admin';
import './people.css';

export function TeamSettingsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <BackLink to={paths.team} label={t('access.backToList')} />
      <PageHeader title={t('teamSettings.title')} />
      {accessRightsOf(user).setsTeamSettings ? (
        <OnlineOnly>
          <TeamSettingsForm />
        </OnlineOnly>
      ) : (
        <p className="empty-state">{t('teamSettings.onlyLead')}</p>
      )}
    </>
  );
}

const savedKey = (teamId: string) => ['admin', 'teamSettings', teamId] as const;

function TeamSettingsForm() {
  const { t } = useTranslation();
  const { user } = useSession();
  const current: TeamSettings = queryClient.getQueryData<TeamSettings>(savedKey(user.teamId)) ?? {
    lockAfterMinutes: user.lockAfterMinutes,
    districts: user.districts,
    emergencyContact: user.emergencyContact,
  };
  const form = useForm({ resolver: useMessageResolver(TeamSettings), defaultValues: current });
  const { errors, isSubmitting } = form.formState;
  const save = useAdminChange((admin, settings: TeamSettings) => admin.saveTeamSettings(settings));
  const errorText = useAdminErrorText();
  const [saved, setSaved] = useState(false);

  const submit = form.handleSubmit(async (settings) => {
    setSaved(false);
    try {
      const stored = await save.mutateAsync(settings);
      queryClient.setQueryData(savedKey(user.teamId), stored);
      form.reset(stored);
      setSaved(true);
    } catch (error) {
      form.setError('root', { message: t('teamSettings.saveFailed', { message: errorText(error) }) });
    }
  });

  const districts = form.watch('districts') ?? [];
  const districtErrors = errors.districts;
  const districtError =
    districtErrors?.message ??
    (Array.isArray(districtErrors) ? districtErrors.find((item) => item?.message)?.message : undefined);

  return (
    <form onSubmit={submit} noValidate className="card form">
      <p className="muted">{t('teamSettings.intro', { team: user.teamName })}</p>
      <TextField
        label={t('teamSettings.lockAfter')}
        hint={t('teamSettings.lockAfterHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={120}
        registration={form.register('lockAfterMinutes', { valueAsNumber: true })}
        error={errors.lockAfterMinutes?.message}
      />
      <DistrictsField
        districts={districts}
        error={districtError}
        onChange={(next) => form.setValue('districts', next, { shouldDirty: true })}
      />
      <TextAreaField
        label={t('teamSettings.emergencyContact')}
        hint={t('teamSettings.emergencyHint')}
        registration={form.register('emergencyContact')}
        error={errors.emergencyContact?.message}
        rows={3}
      />
      <FormError message={errors.root?.message ?? null} />
      {saved && (
        <p className="muted" role="status">
          {t('teamSettings.saved')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('teamSettings.save')}
        </button>
      </div>
    </form>
  );
}
