// The server reads and writes of "Team & Zugänge" through react-query: the
// people and teams as one query, every change a mutation that reads them anew.
// Online only; the query waits while the browser is offline, and the screens
// say so (OnlineOnly.tsx). Cleared with everything else on lock and logout.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AdminApi } from '../../sync';
import { NetworkError } from '../../sync/api-client';
import { sayError } from '../../ui/forms/say-message';
import { queryClient } from '../../ui/query-client';
import { useSession } from '../../ui/session';

const PEOPLE = ['admin', 'people'] as const;

/** The people and teams the signed-in person may see (an administrator: the organisation). */
export function usePeople() {
  const { engine, user } = useSession();
  return useQuery(
    {
      queryKey: [...PEOPLE, user.id],
      queryFn: async () => (await engine.admin()).people(),
      retry: false,
    },
    queryClient,
  );
}

/** A change on the server; afterwards the people are read anew (their status, devices, team). */
export function useAdminChange<Input, Output>(change: (admin: AdminApi, input: Input) => Promise<Output>) {
  const { engine } = useSession();
  return useMutation(
    {
      mutationFn: async (input: Input) => change(await engine.admin(), input),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: PEOPLE }),
    },
    queryClient,
  );
}

/** A failed read or change, said for people: offline plainly, a refusal in the server's words. */
export function adminErrorText(t: TFunction, error: unknown): string {
  if (error instanceof NetworkError) return t('access.offline');
  return sayError(t, error);
}

export function useAdminErrorText() {
  const { t } = useTranslation();
  return (error: unknown) => adminErrorText(t, error);
}
