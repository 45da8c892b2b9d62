// Case notes: written by whoever works on the case; the text belongs to its author,
// the review mark ("Geprüft", Vier-Augen-Prinzip) to the team lead. Once a note is
// reviewed, later changes of its content are appended as amendments (visible
// history); a reviewed note cannot be deleted.
import type { Amendment, NoteFields, NoteRecord } from '../../../shared/records';
import { findStoredRecord } from '../../repositories/records';
import { reject } from '../rejection';
import { isLeadOf } from '../visibility';
import {
  caseRefusal,
  type EntityRules,
  findVisibleCaseChild,
  loadWritableCase,
  lockAccessibleCase,
  type MutationContext,
} from './common';

const contentFields = ['date', 'kind', 'durationMinutes', 'text', 'concern8a'] as const;

function assertMayReview(ctx: MutationContext, teamId: string): void {
  if (!isLeadOf(ctx.actor, teamId)) {
    throw reject.forbidden('Nur die Teamleitung kann Notizen als geprüft markieren', 'reviewedAt');
  }
}

/** The content changes of an edit after review, as one amendment; null when there are none. */
function amendmentOf(
  ctx: MutationContext,
  before: NoteRecord,
  applied: Partial<NoteFields>,
): Amendment | null {
  const changes: Amendment['changes'] = {};
  for (const field of contentFields) {
    if (applied[field] !== undefined) changes[field] = { from: before[field], to: applied[field] };
  }
  if (Object.keys(changes).length === 0) return null;
  return { at: ctx.origin.at, by: ctx.actor.id, changes };
}

export const noteRules: EntityRules<'note'> = {
  async prepareCreate(ctx, data: NoteFields) {
    const caseOfNote = await loadWritableCase(ctx, data.caseId, 'caseId');
    if (data.reviewedAt !== null) assertMayReview(ctx, caseOfNote.teamId);
    return {
      ...data,
      teamId: caseOfNote.teamId,
      authorId: ctx.actor.id,
      reviewedBy: data.reviewedAt === null ? null : ctx.actor.id,
    };
  },

  async lockForEdit(ctx) {
    const unlocked = await findStoredRecord(ctx.tx, 'note', ctx.recordId);
    if (!unlocked) throw reject.notFound('Notiz nicht gefunden');
    // Lock order for every writer: case, then the record, then the sync counter.
    const caseId = unlocked.record.caseId;
    if (!(await lockAccessibleCase(ctx, caseId)))
      throw await caseRefusal(ctx, caseId, 'Notiz nicht gefunden', null);
    return (await findStoredRecord(ctx.tx, 'note', ctx.recordId, 'update')) ?? unlocked;
  },

  async checkChange(ctx, note, patch, purpose) {
    const isAuthor = note.authorId === ctx.actor.id;
    if (purpose === 'resolve' && !isAuthor && !isLeadOf(ctx.actor, note.teamId)) {
      throw reject.forbidden(
        'Konflikte einer Notiz lösen nur die Verfasserin, der Verfasser oder die Teamleitung',
      );
    }
    const contentField = contentFields.find((field) => patch[field] !== undefined);
    if (purpose === 'edit' && contentField && !isAuthor) {
      throw reject.forbidden('Nur die Verfasserin oder der Verfasser kann die Notiz ändern', contentField);
    }
    if (patch.reviewedAt !== undefined) assertMayReview(ctx, note.teamId);
  },

  checkDelete(ctx, note) {
    if (note.authorId !== ctx.actor.id) {
      throw reject.forbidden('Nur die Verfasserin oder der Verfasser kann die Notiz löschen');
    }
    if (note.reviewedAt !== null) {
      throw reject.forbidden('Geprüfte Notizen können nicht gelöscht werden', 'reviewedAt');
    }
  },

  derive(ctx, before, applied) {
    const derived: Record<string, unknown> = {};
    if (applied.reviewedAt !== undefined)
      derived.reviewedBy = applied.reviewedAt === null ? null : ctx.actor.id;
    const amendment = before.reviewedAt !== null ? amendmentOf(ctx, before, applied) : null;
    if (amendment) derived.amendments = [...before.amendments, amendment];
    return derived;
  },

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'note', id),
};
