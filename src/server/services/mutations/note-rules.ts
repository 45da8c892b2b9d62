// Case notes: written by whoever works on the case; the content belongs to its
// author, the review mark ("Geprüft", Vier-Augen-Prinzip) and the acknowledgement
// of a § 8a concern to the team lead. Once a note is reviewed, later changes of its
// content are appended as amendments (visible history); a reviewed note cannot be
// deleted. A note always says something (noteHasContent), after every edit too.
// Writing a § 8a concern (new, or switched on) alerts the team's leads live.
import {
  type Amendment,
  NOTE_SECTIONS,
  type NoteFields,
  type NoteRecord,
  noteHasContent,
} from '../../../shared/records';
import { findStoredRecord } from '../../repositories/records';
import { reject } from '../refusal';
import { isLeadOf } from '../visibility';
import {
  type EntityRules,
  findVisibleCaseChild,
  loadWritableCase,
  lockCaseChildForEdit,
  type MutationContext,
} from './common';

/** What the author wrote: only they change it, and changes after review become amendments. */
const contentFields = [
  'date',
  'kind',
  'durationMinutes',
  'text',
  'concern8a',
  'template',
  ...NOTE_SECTIONS,
  'travelMinutes',
  'kilometres',
  'goalIds',
  'appointmentId',
] as const;

function assertMayReview(ctx: MutationContext, teamId: string): void {
  if (!isLeadOf(ctx.actor, teamId)) {
    throw reject.forbidden('onlyLeadReviews', 'reviewedAt');
  }
}

function assertMayAcknowledge(ctx: MutationContext, teamId: string): void {
  if (!isLeadOf(ctx.actor, teamId)) {
    throw reject.forbidden('onlyLeadAcknowledges', 'concernAcknowledgedAt');
  }
}

/**
 * The visit the note documents must be an appointment of the note's case. A
 * deleted one still counts: the note was written for it, perhaps offline before
 * someone cancelled it, and must not be refused for that.
 */
async function assertAppointmentOfCase(
  ctx: MutationContext,
  appointmentId: string | null | undefined,
  caseId: string,
): Promise<void> {
  if (!appointmentId) return;
  const found = await findStoredRecord(ctx.tx, 'appointment', appointmentId);
  if (!found || found.record.caseId !== caseId) {
    throw reject.notFound('appointmentOfCaseNotFound', 'appointmentId');
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
    if (data.concernAcknowledgedAt !== null) assertMayAcknowledge(ctx, caseOfNote.teamId);
    await assertAppointmentOfCase(ctx, data.appointmentId, data.caseId);
    return {
      ...data,
      teamId: caseOfNote.teamId,
      authorId: ctx.actor.id,
      reviewedBy: data.reviewedAt === null ? null : ctx.actor.id,
      concernAcknowledgedBy: data.concernAcknowledgedAt === null ? null : ctx.actor.id,
    };
  },

  lockForEdit: (ctx) => lockCaseChildForEdit(ctx, 'note', 'noteNotFound'),

  async checkChange(ctx, note, patch, purpose) {
    const isAuthor = note.authorId === ctx.actor.id;
    if (purpose === 'resolve' && !isAuthor && !isLeadOf(ctx.actor, note.teamId)) {
      throw reject.forbidden('noteConflictNotYours');
    }
    const contentField = contentFields.find((field) => patch[field] !== undefined);
    if (purpose === 'edit' && contentField && !isAuthor) {
      throw reject.forbidden('onlyAuthorEditsNote', contentField);
    }
    if (patch.reviewedAt !== undefined) assertMayReview(ctx, note.teamId);
    if (patch.concernAcknowledgedAt !== undefined) assertMayAcknowledge(ctx, note.teamId);
    if (patch.appointmentId !== undefined && patch.appointmentId !== note.appointmentId) {
      await assertAppointmentOfCase(ctx, patch.appointmentId, note.caseId);
    }
  },

  checkDelete(ctx, note) {
    if (note.authorId !== ctx.actor.id) {
      throw reject.forbidden('onlyAuthorDeletesNote');
    }
    if (note.reviewedAt !== null) {
      throw reject.forbidden('reviewedNoteNotDeletable', 'reviewedAt');
    }
  },

  derive(ctx, before, applied) {
    // Judged only when the words change, so a review never fails on a note's old content.
    const wordsChanged = (['text', ...NOTE_SECTIONS] as const).some((field) => applied[field] !== undefined);
    if (wordsChanged && !noteHasContent({ ...before, ...applied })) {
      throw reject.invalid('noteWithoutContent', 'text');
    }
    const derived: Record<string, unknown> = {};
    if (applied.reviewedAt !== undefined)
      derived.reviewedBy = applied.reviewedAt === null ? null : ctx.actor.id;
    if (applied.concernAcknowledgedAt !== undefined)
      derived.concernAcknowledgedBy = applied.concernAcknowledgedAt === null ? null : ctx.actor.id;
    const amendment = before.reviewedAt !== null ? amendmentOf(ctx, before, applied) : null;
    if (amendment) derived.amendments = [...before.amendments, amendment];
    return derived;
  },

  async afterWrite(ctx, before, after, deleted) {
    if (deleted || !after.concern8a || before?.concern8a === true) return;
    ctx.events.push({
      kind: 'concern',
      teamId: after.teamId,
      event: {
        type: 'concern',
        noteId: after.id,
        caseId: after.caseId,
        authorId: after.authorId,
        at: after.updatedAt,
      },
    });
  },

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'note', id),
};
