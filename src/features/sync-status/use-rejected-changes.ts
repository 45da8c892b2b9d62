import { useLiveQuery } from 'dexie-react-hooks';
import { dismissRejected, listRejected } from '../../db/infrastructure/outbox';
import type { OutboxEntry } from '../../db/infrastructure/schema';
import { useSession } from '../../ui/session';

export function useRejectedChanges(): {
  entries: OutboxEntry[] | undefined;
  dismiss(id: string): Promise<void>;
} {
  const { db } = useSession();
  const entries = useLiveQuery(() => listRejected(db), [db]);
  return { entries, dismiss: (id) => dismissRejected(db, id) };
}
