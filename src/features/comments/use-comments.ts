import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  createComment,
  deleteComment,
  listCommentsForNote,
  listUnreadComments,
  markCommentsRead,
  type UnreadComment,
} from '../../db/repositories/comments';
import { listMembers } from '../../db/repositories/members';
import type { CommentRecord, NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export function useNoteComments(noteId: string): CommentRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listCommentsForNote(db, noteId), [db, noteId]);
}

/** Team members' names by id (comment authors, the note's author). */
export function useMemberNames(): Map<string, string> | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => new Map((await listMembers(db)).map((m) => [m.id, m.displayName])), [db]);
}

export interface UnreadCommentItem extends UnreadComment {
  caseName: string | null;
}

export function useUnreadComments(): UnreadCommentItem[] | undefined {
  const { db, user } = useSession();
  return useLiveQuery(async () => {
    const unread = await listUnreadComments(db, user.id);
    const cases = await db.cases.bulkGet(unread.map((u) => u.note.caseId));
    return unread.map((u, index) => ({ ...u, caseName: cases[index]?.familyName ?? null }));
  }, [db, user.id]);
}

export function useCommentActions() {
  const { db, actor } = useSession();
  return useMemo(
    () => ({
      create: (note: Pick<NoteRecord, 'id' | 'caseId'>, text: string) => createComment(db, actor, note, text),
      remove: (id: string) => deleteComment(db, actor, id),
      markRead: (noteId: string) => markCommentsRead(db, noteId),
    }),
    [db, actor],
  );
}
