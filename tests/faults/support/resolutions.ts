// Settling the conflicts the offline phase left: each open conflict is resolved
// once, on one device (a note's own fields by its author's phone, everything else
// by the lead's tablet), through the app's local repository - a 'resolve' mutation
// that syncs like any edit. Afterwards no conflict may be left anywhere, every
// field must hold the chosen value, and a delete chosen over the edits removes the
// record everywhere.
import { resolveConflict } from '../../../src/db/repositories/conflict-resolution';
import { DELETE_CONFLICT_FIELD, type MutableEntity } from '../../../src/shared/records';
import type { SimulatedDevice } from './device';
import type { Prng } from './prng';
import { type AnyRecord, canonicalJson, entityOfKey, type RecordKey } from './records';
import type { Snapshot } from './snapshots';

export interface PlannedResolution {
  key: RecordKey;
  entity: MutableEntity;
  recordId: string;
  conflictId: string;
  field: string;
  value: unknown;
  /** Label of the device that resolves it. */
  resolver: string;
}

/** Fields of a note only its author may change (the lead owns reviewedAt). */
const NOTE_AUTHOR_FIELDS = new Set(['date', 'kind', 'durationMinutes', 'text', 'concern8a']);

function conflictsOf(record: AnyRecord) {
  return 'conflicts' in record ? record.conflicts : [];
}

/**
 * One resolution per open conflict: a candidate's value picked at random (or
 * delete / keep for a delete conflict). Field conflicts of a record come before
 * its delete conflict, so a chosen delete is the record's last change.
 */
export function planResolutions(
  view: Snapshot,
  prng: Prng,
  resolvers: { author: string; lead: string },
): PlannedResolution[] {
  const plans: PlannedResolution[] = [];
  const keys = [...view.keys()].sort();
  for (const key of keys) {
    const record = view.get(key) as AnyRecord;
    const entity = entityOfKey(key) as MutableEntity;
    const conflicts = [...conflictsOf(record)].sort(
      (a, b) => Number(a.field === DELETE_CONFLICT_FIELD) - Number(b.field === DELETE_CONFLICT_FIELD),
    );
    for (const conflict of conflicts) {
      const isDelete = conflict.field === DELETE_CONFLICT_FIELD;
      const byAuthor = entity === 'note' && NOTE_AUTHOR_FIELDS.has(conflict.field);
      plans.push({
        key,
        entity,
        recordId: record.id,
        conflictId: conflict.id,
        field: conflict.field,
        value: isDelete ? prng.chance(0.5) : prng.pick(conflict.candidates).value,
        resolver: byAuthor ? resolvers.author : resolvers.lead,
      });
    }
  }
  return plans;
}

export async function resolveOnDevices(
  devices: readonly SimulatedDevice[],
  plans: readonly PlannedResolution[],
): Promise<void> {
  for (const plan of plans) {
    const device = devices.find((d) => d.label === plan.resolver);
    if (!device) throw new Error(`no device ${plan.resolver}`);
    await resolveConflict(device.db, device.actor, plan.entity, plan.recordId, plan.conflictId, plan.value);
  }
}

/** The server's records against the resolutions: chosen values, no conflicts, chosen deletes gone. */
export function checkResolved(
  view: Snapshot,
  before: Snapshot,
  plans: readonly PlannedResolution[],
): string[] {
  const problems: string[] = [];
  const deleted = new Set(
    plans.filter((p) => p.field === DELETE_CONFLICT_FIELD && p.value === true).map((p) => p.key),
  );
  for (const [key, record] of view) {
    const open = conflictsOf(record);
    if (open.length > 0) problems.push(`${key}: still in conflict on ${open.map((c) => c.field).join(', ')}`);
  }
  for (const key of deleted)
    if (view.has(key)) problems.push(`${key}: the delete was chosen, yet it is there`);
  for (const key of before.keys()) {
    if (!deleted.has(key) && !view.has(key)) problems.push(`${key}: kept, yet gone from the server`);
  }
  for (const plan of plans) {
    if (plan.field === DELETE_CONFLICT_FIELD || deleted.has(plan.key)) continue;
    const record = view.get(plan.key) as (AnyRecord & Record<string, unknown>) | undefined;
    if (record && canonicalJson(record[plan.field]) !== canonicalJson(plan.value)) {
      problems.push(
        `${plan.key}.${plan.field}: ${canonicalJson(record[plan.field])}, resolved to ${canonicalJson(plan.value)}`,
      );
    }
  }
  return problems;
}
