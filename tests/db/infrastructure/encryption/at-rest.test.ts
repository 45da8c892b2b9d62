// Encrypted at rest: after real use through the app's repositories and
// sync code, the raw IndexedDB holds none of the personal content in the clear.
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../../src/crypto/data-key';
import { withConflictFlag } from '../../../../src/db/infrastructure/conflict-flag';
import { FeldakteDb } from '../../../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../../../src/db/repositories/cases';
import { createComment } from '../../../../src/db/repositories/comments';
import { saveDraft } from '../../../../src/db/repositories/drafts';
import { createGoal } from '../../../../src/db/repositories/goals';
import { createNote, updateNote } from '../../../../src/db/repositories/notes';
import { createPartner } from '../../../../src/db/repositories/partners';
import { createPreConsultation } from '../../../../src/db/repositories/pre-consultations';
import { NoteRecord } from '../../../../src/shared/records';
import { storeServerRecords } from '../../../../src/sync/apply-server-records';
import { fieldConflict } from '../../support/conflicts';
import {
  caseFields,
  colleague,
  goalFields,
  lead,
  noteFields,
  partnerFields,
  preConsultationFields,
  serverMeta,
  worker,
} from '../../support/fixtures';
import { plaintextsFound } from '../../support/raw-idb';

/** Personal content, each string unique enough not to appear by chance. */
const SECRET = {
  familyName: 'Familie Zadeh-Kowalski',
  clients: 'Leyla Zadeh-Kowalski (9)',
  address: 'Birkenallee 17, 34117 Kassel',
  phone: '0561 7654321',
  noteText: 'Mutter berichtet von Schlafproblemen seit der Trennung',
  occasion: 'Anlass: wiederholte Schulverweigerung',
  observations: 'Kühlschrank weitgehend leer',
  editedText: 'Nachtrag: Vater war beim Besuch anwesend',
  comment: 'Bitte beim Jugendamt nachfragen',
  draft: 'Entwurf: Nachbarin meldet nächtlichen Lärm',
  concern: 'Kind erscheint mit Hämatomen im Kindergarten',
  advice: 'Kinderschutzfachkraft hinzuziehen',
  contact: 'Herr Okonkwo, Grundschule am Park',
  goal: 'Regelmäßiger Schulbesuch von Leyla',
  partner: 'Beratungsstelle Lichtblick',
  serverText: 'Vom Büro: Termin beim Familiengericht am Montag',
  candidateMine: 'Kandidat Gerät eins: Oma übernimmt Abholung',
  candidateTheirs: 'Kandidat Gerät zwei: Tante übernimmt Abholung',
  amendmentFrom: 'Vorher: Kind wirkt verängstigt',
  amendmentTo: 'Nachher: Kind wirkt zurückhaltend',
} as const;

const dbs: FeldakteDb[] = [];

afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Uses every kind of stored personal content through the app's own code. */
async function useTheApp(db: FeldakteDb): Promise<void> {
  const c = await createCase(
    db,
    worker,
    caseFields({ familyName: SECRET.familyName, clients: SECRET.clients, address: SECRET.address }),
  );
  await updateCase(db, worker, c.id, { phone: SECRET.phone });
  const note = await createNote(
    db,
    worker,
    noteFields(c.id, {
      text: SECRET.noteText,
      template: 'home_visit',
      occasion: SECRET.occasion,
      observations: SECRET.observations,
    }),
  );
  await updateNote(db, worker, note.id, { text: `${SECRET.noteText}. ${SECRET.editedText}` });
  await createComment(db, worker, note, SECRET.comment);
  await saveDraft(db, `note:new:${c.id}`, c.id, { text: SECRET.draft, concern8a: true });
  await createPreConsultation(
    db,
    worker,
    preConsultationFields({ contact: SECRET.contact, concern: SECRET.concern, advice: SECRET.advice }),
  );
  await createGoal(db, worker, goalFields(c.id, { title: SECRET.goal }));
  await createPartner(db, { ...lead, role: 'lead' }, partnerFields({ name: SECRET.partner }));

  // A note as the server delivers it: reviewed and amended, with an open conflict...
  const at = '2026-03-03T10:00:00.000Z';
  const serverNote = withConflictFlag(
    NoteRecord.parse({
      ...noteFields(c.id, { text: SECRET.serverText }),
      id: crypto.randomUUID(),
      authorId: colleague.userId,
      reviewedBy: null,
      concernAcknowledgedBy: null,
      ...serverMeta(at, colleague.userId),
      conflicts: [fieldConflict('occasion', SECRET.candidateMine, SECRET.candidateTheirs)],
      amendments: [
        {
          at,
          by: colleague.userId,
          changes: { observations: { from: SECRET.amendmentFrom, to: SECRET.amendmentTo } },
        },
      ],
    }),
  );
  await storeServerRecords(db, 'note', [serverNote]);
  // ...then edited here: the server's copy is kept in `bases` while the edit waits in the outbox.
  await updateNote(db, worker, serverNote.id, { nextSteps: 'Kurz' });
  expect(await db.bases.count()).toBe(1);
  expect(await db.outbox.count()).toBeGreaterThan(5);
}

describe('encryption at rest', () => {
  it('stores none of the personal content in the clear in any store', async () => {
    const db = new FeldakteDb(`at-rest-${crypto.randomUUID()}`, { dataKey: await generateDataKey() });
    dbs.push(db);
    await useTheApp(db);

    // Through the app everything reads back as written...
    const [first] = await db.cases.toArray();
    expect(first).toMatchObject({
      familyName: SECRET.familyName,
      address: SECRET.address,
      phone: SECRET.phone,
    });
    expect((await db.drafts.toArray())[0]?.values).toEqual({ text: SECRET.draft, concern8a: true });

    // ...while the database as stored holds none of it.
    expect(await plaintextsFound(db.name, Object.values(SECRET))).toEqual([]);
  });

  it('finds every plaintext in a database written without a key (the scan itself works)', async () => {
    const db = new FeldakteDb(`at-rest-plain-${crypto.randomUUID()}`, { dataKey: null });
    dbs.push(db);
    await useTheApp(db);

    const found = await plaintextsFound(db.name, Object.values(SECRET));
    for (const plaintext of Object.values(SECRET)) {
      expect(
        found.some((entry) => entry.endsWith(`: ${plaintext}`)),
        plaintext,
      ).toBe(true);
    }
    // The outbox and the server copies carry personal content too, so they are scanned as well.
    expect(found).toContain(`outbox: ${SECRET.comment}`);
    expect(found).toContain(`bases: ${SECRET.candidateMine}`);
  });
});
