// A person moved to another team, or given another role, sees other records from
// then on. Like a handover (scope.ts), nothing their devices hold may be lost:
//
//   - The device learns it from its pull: the first pull whose cursor lies before
//     the move (person_moves takes a seq from the sync counter) answers the
//     removal of everything the person held and can no longer see, and the
//     cursor "0", so the next pull hands out what they see now from the start.
//     The device pushes pending edits of removed records before it drops them
//     (sync/scope-removals.ts).
//   - Those edits were made by the person as they were before the move, so the
//     push judges each edit as the person was at its clientTime (team and role
//     before the first later move), if the device was in use before the move.
//     Their answer carries no record the person cannot see now, so the device
//     lets the record go. An edit a lead's handover overtook meanwhile is
//     refused as with any handover.
import type { Removal } from '../../shared/protocol';
import type { Queryable } from '../db/database';
import { deviceSeenBefore } from '../repositories/devices';
import { firstMoveAfterCursor, type PersonMove, recordsNoLongerVisible } from '../repositories/person-moves';
import { type Actor, isLeadOf } from './visibility';

/**
 * The removals a device with this cursor needs after the person's move, or null
 * when the person did not move since (or the device starts from nothing).
 * `lastMoveSeq` is the person's latest move (lastMoveSeqOf), which the pull reads anyway.
 */
export async function removalsAfterMove(
  tx: Queryable,
  actor: Actor,
  cursor: string,
  lastMoveSeq: string | null,
): Promise<Removal[] | null> {
  if (cursor === '0' || lastMoveSeq === null || BigInt(lastMoveSeq) <= BigInt(cursor)) return null;
  const move = await firstMoveAfterCursor(tx, actor.id, cursor);
  if (!move) return null;
  const held = await recordsNoLongerVisible(tx, {
    userId: actor.id,
    fromTeamId: move.fromTeamId,
    sameTeam: move.fromTeamId === actor.teamId,
    isLead: isLeadOf(actor, actor.teamId),
  });
  const as = (entity: Removal['entity'], ids: string[]) => ids.map((id): Removal => ({ entity, id }));
  return [
    ...as('case', held.caseIds),
    ...as('substitution', held.substitutionIds),
    ...as('goal', held.goalIds),
    ...as('comment', held.commentIds),
    ...as('preConsultation', held.preConsultationIds),
    ...as('partner', held.partnerIds),
    ...as('member', held.memberIds),
  ];
}

/**
 * Who the person was when they made an edit at `clientTime` on `deviceId`: as
 * before their first move after it, if that device was in use before that move;
 * otherwise as they are now.
 */
export async function actorWhenEdited(
  tx: Queryable,
  actor: Actor,
  moves: readonly PersonMove[],
  deviceId: string | null,
  clientTime: string,
): Promise<Actor> {
  if (moves.length === 0 || deviceId === null) return actor;
  const editedAt = new Date(clientTime).getTime();
  const move = moves.find((m) => m.movedAt.getTime() > editedAt);
  if (!move) return actor;
  if (move.fromTeamId === actor.teamId && move.fromRole === actor.role) return actor;
  if (!(await deviceSeenBefore(tx, actor.id, deviceId, move.movedAt))) return actor;
  return { ...actor, teamId: move.fromTeamId, role: move.fromRole };
}
