// Comments on notes, typically the lead's feedback from Prüfen: anyone who may
// see the case may comment on one of its notes; a comment belongs to its author,
// who alone edits or deletes it. The server sets the author and checks that the
// note belongs to the named case, so a comment never hangs off a foreign note.
import type { CommentFields, CommentRecord } from '../../../shared/records';
import { findRecord } from '../../repositories/records';
import { reject } from '../refusal';
import {
  type EntityRules,
  findVisibleCaseChild,
  loadWritableCase,
  lockCaseChildForEdit,
  type MutationContext,
} from './common';

function assertAuthor(
  ctx: MutationContext,
  comment: CommentRecord,
  refusal: 'onlyAuthorEditsComment' | 'onlyAuthorDeletesComment',
): void {
  if (comment.authorId !== ctx.actor.id) throw reject.forbidden(refusal);
}

export const commentRules: EntityRules<'comment'> = {
  async prepareCreate(ctx, data: CommentFields) {
    const caseOfComment = await loadWritableCase(ctx, data.caseId, 'caseId');
    const note = await findRecord(ctx.tx, 'note', data.noteId);
    if (!note || note.caseId !== data.caseId) throw reject.notFound('noteNotFound', 'noteId');
    return { ...data, teamId: caseOfComment.teamId, authorId: ctx.actor.id };
  },

  lockForEdit: (ctx) => lockCaseChildForEdit(ctx, 'comment', 'commentNotFound'),

  async checkChange(ctx, comment) {
    assertAuthor(ctx, comment, 'onlyAuthorEditsComment');
  },

  checkDelete(ctx, comment) {
    assertAuthor(ctx, comment, 'onlyAuthorDeletesComment');
  },

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'comment', id),
};
