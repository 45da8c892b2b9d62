// Deleting a record on the device: it disappears locally at once, and a 'delete'
// mutation based on the version the device had goes to the outbox. If someone
// else edited the record meanwhile, the server keeps it and records a
// delete-vs-edit conflict, which the next pull brings back here to be resolved.
import type { z } from 'zod';
import type { DeletableEntity } from '../../shared/protocol';
import type { RecordOf } from '../../shared/records';
import { type Actor, ChangeNotAllowedError, RecordNotFoundError } from './local-write';
import { changeOfHeldRecord } from './outbox-entry';
import { type FeldakteDb, tableOf } from './schema';
import { rememberBaseBeforeLocalChange } from './server-base';

export type DeletableEntityName = z.infer<typeof DeletableEntity>;

/** Refuses what the server would refuse anyway, before anything disappears locally. */
function assertDeletable(entity: DeletableEntityName, actor: Actor, current: RecordOf[DeletableEntityName]) {
  if (entity === 'note') {
    const note = current as RecordOf['note'];
    if (note.authorId !== actor.userId) {
      throw new ChangeNotAllowedError('notYourNoteToDelete');
    }
    if (note.reviewedAt !== null) {
      throw new ChangeNotAllowedError('reviewedNoteStays');
    }
  }
  if (entity === 'comment' && (current as RecordOf['comment']).authorId !== actor.userId) {
    throw new ChangeNotAllowedError('notYourCommentToDelete');
  }
}

export async function deleteLocal(
  db: FeldakteDb,
  entity: DeletableEntityName,
  actor: Actor,
  id: string,
): Promise<void> {
  const table = tableOf(db, entity);
  await db.transaction('rw', table, db.outbox, db.bases, async () => {
    const current = await table.get(id);
    if (!current) throw new RecordNotFoundError(entity, id);
    assertDeletable(entity, actor, current);
    await rememberBaseBeforeLocalChange(db, entity, current);
    await table.delete(id);
    await db.outbox.add(changeOfHeldRecord(entity, current, 'delete', {}, new Date().toISOString()));
  });
}
