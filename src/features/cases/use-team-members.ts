import { useLiveQuery } from 'dexie-react-hooks';
import { listMembers } from '../../db/repositories/members';
import type { MemberRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

/** The team as the server last told this device, by name; undefined while loading. */
export function useTeamMembers(): MemberRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listMembers(db), [db]);
}
