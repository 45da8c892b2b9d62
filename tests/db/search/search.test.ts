import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createAppointment } from '../../../src/db/repositories/appointments';
import { createCase, updateCase } from '../../../src/db/repositories/cases';
import { createNote, deleteNote, updateNote } from '../../../src/db/repositories/notes';
import { createPartner, deletePartner, updatePartner } from '../../../src/db/repositories/partners';
import { createPreConsultation } from '../../../src/db/repositories/pre-consultations';
import {
  closeSearchIndex,
  normalizeTerm,
  searchIndexOf,
  searchLocal,
  snippetOf,
} from '../../../src/db/search/search';
import type { CaseFields, CaseRecord, NoteFields, NoteRecord } from '../../../src/shared/records';
import { applyRemovals } from '../../../src/sync/scope-removals';
import {
  appointmentFields,
  caseFields,
  freshDb,
  lead,
  noteFields,
  preConsultationFields,
  serverMeta,
  serverNoteRecord,
  worker,
} from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  if (!db) return;
  closeSearchIndex(db);
  await db.delete();
});

/** Ids of the results of `query`, once the index has taken in the latest writes. */
async function eventually(
  query: string,
  expected: (ids: string[]) => boolean,
  limit = 50,
): Promise<string[]> {
  let ids: string[] = [];
  await vi.waitFor(async () => {
    ids = (await searchLocal(db, query, { limit })).map((r) => r.id);
    if (!expected(ids)) throw new Error(`results for "${query}": ${ids.join(', ')}`);
  });
  return ids;
}

/** A note as a pull delivers it (version 1, no outbox entry). */
function serverNote(caseId: string, overrides: Partial<NoteFields> = {}): NoteRecord {
  return serverNoteRecord(caseId, overrides, serverMeta('2026-03-03T10:00:00.000Z', worker.userId));
}

async function seed() {
  db = freshDb();
  const berger = await createCase(db, worker, caseFields());
  const schroeder = await createCase(
    db,
    worker,
    caseFields({
      reference: 'EF-2026-002',
      familyName: 'Familie Schröder',
      clients: 'Jana Schröder',
      address: 'Große Straße 12, Kassel',
    }),
  );
  const note = await createNote(
    db,
    worker,
    noteFields(berger.id, { text: 'Gespräch mit der Kita über den Wochenplan und die Schlafenszeiten.' }),
  );
  const appointment = await createAppointment(
    db,
    worker,
    appointmentFields(schroeder.id, { place: 'Jugendamt Kassel' }),
  );
  const pre = await createPreConsultation(
    db,
    worker,
    preConsultationFields({ contact: 'Frau Özdemir', concern: 'Mietschulden, drohende Räumung' }),
  );
  return { berger, schroeder, note, appointment, pre };
}

describe('normalizeTerm', () => {
  it('folds umlauts, their ae/oe/ue spelling and ß', () => {
    expect(normalizeTerm('Schröder')).toBe(normalizeTerm('schroder'));
    expect(normalizeTerm('Schroeder')).toBe(normalizeTerm('SCHRÖDER'));
    expect(normalizeTerm('Straße')).toBe(normalizeTerm('strasse'));
    expect(normalizeTerm('Özdemir')).toBe('ozdemir');
    expect(normalizeTerm('Yıldız')).toBe('yildiz');
  });
});

describe('searchLocal', () => {
  it('finds a case by family name, reference and address, and says which entity and case it is', async () => {
    const { berger, schroeder } = await seed();

    const byName = await searchLocal(db, 'Berger');
    expect(byName[0]).toMatchObject({
      entity: 'case',
      id: berger.id,
      caseId: berger.id,
      title: 'Familie Berger',
    });
    expect((await searchLocal(db, 'EF-2026-002')).map((r) => r.id)).toContain(schroeder.id);
    expect((await searchLocal(db, 'Lindenweg')).map((r) => r.id)).toEqual([berger.id]);
  });

  it('finds a note by words of its text, with the case name as title and the passage as snippet', async () => {
    const { note } = await seed();

    const results = await searchLocal(db, 'kita wochenplan');

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      entity: 'note',
      id: note.id,
      title: 'Familie Berger',
      date: '2026-03-02',
    });
    expect(results[0]?.snippet).toContain('Kita');
  });

  it('matches by prefix and with a typo in a longer word', async () => {
    const { note, berger } = await seed();

    expect((await searchLocal(db, 'Wochenpl')).map((r) => r.id)).toEqual([note.id]);
    expect((await searchLocal(db, 'Ber')).map((r) => r.id)).toContain(berger.id);
    expect((await searchLocal(db, 'Wochemplan')).map((r) => r.id)).toEqual([note.id]);
  });

  it('matches umlauts and ß however they are typed', async () => {
    const { schroeder, pre } = await seed();

    for (const query of ['schroder', 'Schroeder', 'SCHRÖDER']) {
      expect((await searchLocal(db, query)).map((r) => r.id)).toContain(schroeder.id);
    }
    expect((await searchLocal(db, 'grosse strasse')).map((r) => r.id)).toEqual([schroeder.id]);
    expect((await searchLocal(db, 'Raumung')).map((r) => r.id)).toEqual([pre.id]);
  });

  it('finds an appointment by place and by its case name; Fall im Feld by contact, without a case', async () => {
    const { appointment, schroeder, pre } = await seed();

    const byPlace = await searchLocal(db, 'Jugendamt');
    expect(byPlace[0]).toMatchObject({ entity: 'appointment', id: appointment.id, caseId: schroeder.id });
    expect(byPlace[0]?.date).toBe('2026-03-10 09:30');
    expect((await searchLocal(db, 'Schröder')).map((r) => r.entity)).toEqual(['case', 'appointment']);
    expect((await searchLocal(db, 'Ozdemir'))[0]).toMatchObject({
      entity: 'preConsultation',
      id: pre.id,
      caseId: null,
      title: 'Frau Özdemir',
    });
  });

  it('returns nothing for an empty query and respects the limit', async () => {
    const { berger } = await seed();
    for (let i = 0; i < 5; i++)
      await createNote(db, worker, noteFields(berger.id, { text: `Termin Nummer ${i}` }));

    expect(await searchLocal(db, '   ')).toEqual([]);
    expect(await searchLocal(db, 'Nummer', { limit: 3 })).toHaveLength(3);
  });

  it('takes in a newly written note, an edited one, and a note pulled from the server', async () => {
    const { berger, note } = await seed();
    await searchLocal(db, 'x'); // the index exists before the writes

    const fresh = await createNote(
      db,
      worker,
      noteFields(berger.id, { text: 'Elterngespräch zur Zahnarztangst' }),
    );
    expect(await eventually('Zahnarztangst', (ids) => ids.includes(fresh.id))).toEqual([fresh.id]);

    await updateNote(db, worker, note.id, { text: 'Nur noch Hausaufgabenhilfe besprochen.' });
    await eventually('Hausaufgabenhilfe', (ids) => ids.includes(note.id));
    expect(await eventually('Wochenplan', (ids) => ids.length === 0)).toEqual([]);

    const pulled = serverNote(berger.id, { text: 'Vom Server: Schulwechsel geplant' });
    await db.notes.put(pulled);
    await eventually('Schulwechsel', (ids) => ids.includes(pulled.id));
  });

  it('lets a removed record disappear, and follows a renamed case', async () => {
    const { berger, note, appointment } = await seed();
    await searchLocal(db, 'x');

    await deleteNote(db, worker, note.id);
    expect(await eventually('Wochenplan', (ids) => ids.length === 0)).toEqual([]);

    await db.appointments.delete(appointment.id);
    await eventually('Jugendamt', (ids) => ids.length === 0);

    await updateCase(db, worker, berger.id, { familyName: 'Familie Neumann' });
    await eventually('Neumann', (ids) => ids.includes(berger.id));
    expect((await searchLocal(db, 'Neumann'))[0]?.title).toBe('Familie Neumann');
  });

  it('indexes 5,000 notes and finds the right ones among them', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const words = ['Schule', 'Kita', 'Arzt', 'Jugendamt', 'Wohnung', 'Finanzen', 'Freizeit', 'Großeltern'];
    const notes = Array.from({ length: 5000 }, (_, i) =>
      serverNote(c.id, {
        text: `Notiz ${i}: ${words[i % words.length]} besprochen, ${words[(i * 3) % words.length]} geplant. Marker${i}`,
      }),
    );
    await db.notes.bulkPut(notes);

    const index = searchIndexOf(db);
    await index.ready;
    expect(index.size).toBe(5001);

    const exact = await searchLocal(db, 'Marker4321');
    expect(exact[0]?.id).toBe(notes[4321]?.id);
    const grandparents = await searchLocal(db, 'grosseltern', { limit: 10_000 });
    expect(grandparents).toHaveLength(notes.filter((n) => n.text.includes('Großeltern')).length);
    expect(grandparents.every((r) => r.entity === 'note' && r.title === 'Familie Berger')).toBe(true);
  });
});

describe('searchLocal: template sections and partners', () => {
  it('finds a home-visit note by any of its five sections, even with no free text', async () => {
    const { berger } = await seed();
    const visit = await createNote(
      db,
      worker,
      noteFields(berger.id, {
        template: 'home_visit',
        text: '',
        occasion: 'Einschulung des Sohnes',
        observations: 'Wohnung aufgeräumt, Kühlschrank gefüllt',
        talkedWith: 'Großmutter Edeltraud',
        agreements: 'Elternabend gemeinsam besuchen',
        nextSteps: 'Termin beim Kinderarzt vereinbaren',
      }),
    );

    for (const query of ['Einschulung', 'Kuhlschrank', 'Edeltraud', 'Elternabend', 'Kinderarzt']) {
      expect(await eventually(query, (ids) => ids.length > 0)).toEqual([visit.id]);
    }
    expect((await searchLocal(db, 'Edeltraud'))[0]).toMatchObject({
      entity: 'note',
      title: 'Familie Berger',
    });
  });

  it('finds a network partner by name, organisation, services and district, and follows its edits', async () => {
    db = freshDb();
    await searchLocal(db, 'x');
    const asLead = { ...lead, role: 'lead' as const };
    const partner = await createPartner(db, asLead, {
      name: 'Schuldnerberatung Fritzlar',
      organisation: 'Diakonie Schwalm-Eder',
      services: 'Hilfe bei Mietschulden',
      contact: '05622 998877',
      district: 'Fritzlar',
    });

    await eventually('Schuldnerberatung', (ids) => ids.includes(partner.id));
    expect((await searchLocal(db, 'Schuldnerberatung'))[0]).toMatchObject({
      entity: 'partner',
      id: partner.id,
      caseId: null,
      title: 'Schuldnerberatung Fritzlar',
      date: '',
    });
    expect((await searchLocal(db, 'diakonie mietschulden')).map((r) => r.id)).toEqual([partner.id]);

    await updatePartner(db, asLead, partner.id, { district: 'Borken' });
    await eventually('Borken', (ids) => ids.includes(partner.id));
    await deletePartner(db, asLead, partner.id);
    await eventually('Schuldnerberatung', (ids) => ids.length === 0);
  });
});

describe('searchLocal with 5,000 notes: kept current record by record', () => {
  const at = '2026-03-03T10:00:00.000Z';
  const serverCase = (overrides: Partial<CaseFields>): CaseRecord => ({
    ...caseFields(overrides),
    id: crypto.randomUUID(),
    ...serverMeta(at, worker.userId),
  });

  it('takes in added, changed, deleted and bulk-pulled notes and a case leaving the device', async () => {
    db = freshDb();
    const kept = serverCase({});
    const leaving = serverCase({ reference: 'EF-2026-009', familyName: 'Familie Wagner' });
    await db.cases.bulkPut([kept, leaving]);
    const notes = Array.from({ length: 5000 }, (_, i) =>
      serverNote(i < 4000 ? kept.id : leaving.id, { text: `Notiz ${i} Marker${i}` }),
    );
    await db.notes.bulkPut(notes);
    const index = searchIndexOf(db);
    await index.ready;
    expect(index.size).toBe(5002);
    const fullReads = vi.spyOn(db.notes, 'toArray');

    // One record written: found, and the index read that record only, not the table.
    const added = await createNote(db, worker, noteFields(kept.id, { text: 'Neu: Fahrradwerkstatt' }));
    expect(await eventually('Fahrradwerkstatt', (ids) => ids.length > 0)).toEqual([added.id]);
    const changed = notes[1234] as NoteRecord;
    await updateNote(db, worker, changed.id, { text: 'Geändert: Schwimmkurs' });
    expect(await eventually('Schwimmkurs', (ids) => ids.length > 0)).toEqual([changed.id]);
    await eventually('Marker1234', (ids) => !ids.includes(changed.id));
    const deleted = notes[42] as NoteRecord;
    await deleteNote(db, worker, deleted.id);
    await eventually('Marker42', (ids) => !ids.includes(deleted.id));
    expect(fullReads).not.toHaveBeenCalled();
    expect(index.size).toBe(5002);

    // A pull batch (a bulk write Dexie does not name keys for): changed ones re-indexed, others kept.
    const pulled = notes
      .slice(100, 180)
      .map((n, i) => ({ ...n, version: 2, text: `Nachgezogen${i} Bulkwort` }));
    await db.notes.bulkPut(pulled);
    const bulkHits = await eventually('Bulkwort', (ids) => ids.length === 80, 10_000);
    expect(new Set(bulkHits)).toEqual(new Set(pulled.map((n) => n.id)));
    expect(fullReads).toHaveBeenCalled(); // the one case that re-reads the table
    expect((await searchLocal(db, 'Marker150')).map((r) => r.id)).not.toContain(notes[150]?.id);
    expect((await searchLocal(db, 'Marker3999'))[0]?.id).toBe(notes[3999]?.id);

    // The case leaves the device (reassigned): it and its 1,000 notes leave the index.
    await applyRemovals(db, [{ entity: 'case', id: leaving.id }], []);
    await eventually('Wagner', (ids) => ids.length === 0);
    await eventually('Marker4500', (ids) => !ids.includes(notes[4500]?.id ?? ''));
    expect(index.size).toBe(4001); // the kept case, its 4,000 notes, one added and one deleted
    const leftover = await searchLocal(db, 'Marker', { limit: 10_000 });
    expect(leftover).toHaveLength(4000 - 1 - 1 - 80); // less the deleted, the changed and the pulled ones
    expect(leftover.every((r) => r.caseId === kept.id)).toBe(true);
    expect((await searchLocal(db, 'Marker3999'))[0]?.id).toBe(notes[3999]?.id);
    expect((await searchLocal(db, 'Fahrradwerkstatt')).map((r) => r.id)).toEqual([added.id]);
  });
});

describe('snippetOf', () => {
  it('cuts a long text around the first matching word', () => {
    const text = `${'Anfang '.repeat(40)}hier steht das Stichwort Zahnarzt und danach ${'Ende '.repeat(40)}`;

    const snippet = snippetOf(text, ['zahnarzt']);

    expect(snippet).toContain('Zahnarzt');
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet.endsWith(' …')).toBe(true);
    expect(snippet.length).toBeLessThan(150);
  });
});
