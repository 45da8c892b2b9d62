import { describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  createSubstitution,
  deleteSubstitution,
  isSubstitutionActiveOn,
  listSubstitutionsForCase,
  listSubstitutionsOf,
  updateSubstitution,
} from '../../../src/db/repositories/substitutions';
import { setUpDbWithCase } from '../support/case-bed';
import { colleague, lead, substitutionFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;

setUpDbWithCase((bed) => {
  db = bed.db;
  caseId = bed.caseId;
});

describe('substitutions', () => {
  it('a lead grants, moves and withdraws a substitution, each through the outbox', async () => {
    const later = await createSubstitution(
      db,
      lead,
      substitutionFields(caseId, { from: '2026-08-01', until: '2026-08-10' }),
    );
    const earlier = await createSubstitution(db, lead, substitutionFields(caseId));
    expect(earlier).toMatchObject({ teamId: lead.teamId, version: 0, conflicts: [] });

    expect((await listSubstitutionsForCase(db, caseId)).map((s) => s.id)).toEqual([earlier.id, later.id]);
    expect((await listSubstitutionsOf(db, colleague.userId)).map((s) => s.id)).toEqual([
      earlier.id,
      later.id,
    ]);

    await updateSubstitution(db, lead, earlier.id, { until: '2026-07-28' });
    await deleteSubstitution(db, lead, later.id);

    expect(await listSubstitutionsForCase(db, caseId)).toEqual([
      expect.objectContaining({ id: earlier.id, until: '2026-07-28' }),
    ]);
    const entries = (await db.outbox.orderBy('seq').toArray()).filter((e) => e.entity === 'substitution');
    expect(entries.map((e) => [e.op, e.recordId, e.caseId])).toEqual([
      ['create', later.id, caseId],
      ['create', earlier.id, caseId],
      ['update', earlier.id, caseId],
      ['delete', later.id, caseId],
    ]);
  });

  it('never moves a substitution to another case or person', async () => {
    const s = await createSubstitution(db, lead, substitutionFields(caseId));
    await expect(
      updateSubstitution(db, lead, s.id, { substituteId: worker.userId } as unknown as { until: string }),
    ).rejects.toThrow();
  });

  it('is active on both end days and between', () => {
    const period = substitutionFields(caseId, { from: '2026-07-01', until: '2026-07-03' });
    expect(
      ['2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04'].map((d) =>
        isSubstitutionActiveOn(period, d),
      ),
    ).toEqual([false, true, true, true, false]);
  });
});
