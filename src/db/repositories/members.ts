// Team members as the server last told this device (read-only here).
import type { MemberRecord } from '../../shared/records';
import type { FeldakteDb } from '../infrastructure/schema';

export async function listMembers(db: FeldakteDb): Promise<MemberRecord[]> {
  const members = await db.members.toArray();
  return members.sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
}
