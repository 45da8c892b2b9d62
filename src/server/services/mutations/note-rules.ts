// Case notes: written by whoever works on the case; the text belongs to its author,
// the review mark ("Geprüft", Vier-Augen-Prinzip) to the team lead.
import type { NoteFields, NoteRecord } from '../../../shared/records';
import { findRecord, insertRecord, updateRecord } from '../../repositories/records';
import { reject } from '../rejection';
import { canAccessCase, isLeadOf } from '../visibility';
import {
  assertRecordIdUnused,
  type EntityRules,
  isEmptyPatch,
  loadWritableCase,
  lockAccessibleCase,
  type MutationContext,
  stampWrite,
} from './common';

const authorOnlyFields = ['date', 'kind', 'durationMinutes', 'text', 'concern8a'] as const;

async function create(ctx: MutationContext, data: NoteFields): Promise<NoteRecord> {
  await assertRecordIdUnused(ctx, 'note');
  const caseOfNote = await loadWritableCase(ctx, data.caseId, 'caseId');
  if (data.reviewedAt !== null && !isLeadOf(ctx.actor, caseOfNote.teamId)) {
    throw reject.forbidden('Nur die Teamleitung kann Notizen als geprüft markieren', 'reviewedAt');
  }
  const meta = await stampWrite(ctx);
  return insertRecord(
    ctx.tx,
    'note',
    ctx.recordId,
    {
      ...data,
      teamId: caseOfNote.teamId,
      authorId: ctx.actor.id,
      reviewedBy: data.reviewedAt === null ? null : ctx.actor.id,
    },
    meta,
  );
}

async function update(ctx: MutationContext, patch: Partial<Omit<NoteFields, 'caseId'>>): Promise<NoteRecord> {
  const unlocked = await findRecord(ctx.tx, 'note', ctx.recordId);
  if (!unlocked) throw reject.notFound('Notiz nicht gefunden');
  // Lock order for every writer: case, then the record, then the sync counter.
  if (!(await lockAccessibleCase(ctx, unlocked.caseId))) throw reject.notFound('Notiz nicht gefunden');
  const note = (await findRecord(ctx.tx, 'note', ctx.recordId, 'update')) ?? unlocked;
  if (isEmptyPatch(patch)) return note;

  const authorField = authorOnlyFields.find((field) => patch[field] !== undefined);
  if (authorField && note.authorId !== ctx.actor.id) {
    throw reject.forbidden('Nur die Verfasserin oder der Verfasser kann die Notiz ändern', authorField);
  }
  const values: Record<string, unknown> = { ...patch };
  if (patch.reviewedAt !== undefined) {
    if (!isLeadOf(ctx.actor, note.teamId)) {
      throw reject.forbidden('Nur die Teamleitung kann Notizen als geprüft markieren', 'reviewedAt');
    }
    values.reviewedBy = patch.reviewedAt === null ? null : ctx.actor.id;
  }
  const meta = await stampWrite(ctx);
  return updateRecord(ctx.tx, 'note', ctx.recordId, values, meta);
}

export const noteRules: EntityRules<'note'> = {
  create,
  update,
  async findVisible(tx, actor, id) {
    const note = await findRecord(tx, 'note', id);
    if (!note) return null;
    const caseOfNote = await findRecord(tx, 'case', note.caseId);
    return caseOfNote && canAccessCase(actor, caseOfNote) ? note : null;
  },
};
