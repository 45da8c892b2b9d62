// "Dieses Gerät": the person names the device they work on ("Diensthandy"), so
// they and their lead tell their devices apart in "Team & Zugänge". Online only.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DeviceNameRequest } from '../../shared/protocol';
import { NetworkError } from '../../sync/api-client';
import { FormError, TextField } from '../../ui/components';
import { useMessageResolver } from '../../ui/forms/message-resolver';
import { sayError } from '../../ui/forms/say-message';
import { queryClient } from '../../ui/query-client';
import { useSession } from '../../ui/session';

export function DeviceNameSection() {
  const { t } = useTranslation();
  const { engine, deviceId } = useSession();
  const form = useForm({ resolver: useMessageResolver(DeviceNameRequest), defaultValues: { name: '' } });
  const { errors, isSubmitting } = form.formState;
  const [saved, setSaved] = useState<string | null>(null);
  const rename = useMutation(
    {
      mutationFn: async (request: DeviceNameRequest) => (await engine.admin()).nameDevice(deviceId, request),
    },
    queryClient,
  );

  const submit = form.handleSubmit(async (request) => {
    setSaved(null);
    try {
      const device = await rename.mutateAsync(request);
      form.reset({ name: device.name ?? '' });
      setSaved(device.name ?? '');
    } catch (error) {
      const message = error instanceof NetworkError ? t('thisDevice.offline') : sayError(t, error);
      form.setError('root', { message: t('thisDevice.failed', { message }) });
    }
  });

  return (
    <section className="card" aria-labelledby="this-device-title">
      <h2 id="this-device-title">{t('thisDevice.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('thisDevice.name')}
          hint={t('thisDevice.hint')}
          registration={form.register('name')}
          error={errors.name?.message}
          autoComplete="off"
          maxLength={60}
        />
        <FormError message={errors.root?.message ?? null} />
        {saved !== null && (
          <p className="muted" role="status">
            {saved ? t('thisDevice.saved', { name: saved }) : t('thisDevice.cleared')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={isSubmitting}>
            {t('thisDevice.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
