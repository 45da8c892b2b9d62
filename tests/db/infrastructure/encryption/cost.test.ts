// What encryption at rest costs on fake-indexeddb (printed, not asserted: the
// numbers depend on the machine; the browser's IndexedDB and WebCrypto differ too).
import { expect, it } from 'vitest';
import { generateDataKey } from '../../../../src/crypto/data-key';
import { FeldakteDb } from '../../../../src/db/infrastructure/schema';
import { createCase } from '../../../../src/db/repositories/cases';
import { createNote } from '../../../../src/db/repositories/notes';
import type { NoteRecord } from '../../../../src/shared/records';
import { caseFields, noteFields, worker } from '../../support/fixtures';

const NOTES = 10_000;
const SAVES = 50;

async function measure(dataKey: CryptoKey | null) {
  const db = new FeldakteDb(`cost-${crypto.randomUUID()}`, { dataKey });
  try {
    const c = await createCase(db, worker, caseFields());
    const text = 'Hausbesuch, Mutter berichtet von besserem Schlafrhythmus. '.repeat(8);
    let started = performance.now();
    for (let i = 0; i < SAVES; i++) await createNote(db, worker, noteFields(c.id, { text }));
    const savePerNote = (performance.now() - started) / SAVES;

    const template = (await db.notes.toArray())[0] as NoteRecord;
    const notes = Array.from({ length: NOTES - SAVES }, () => ({ ...template, id: crypto.randomUUID() }));
    await db.notes.bulkAdd(notes);

    started = performance.now();
    const all = await db.notes.toArray();
    const readAll = performance.now() - started;
    expect(all.length).toBe(NOTES);
    expect(all[NOTES - 1]?.text).toBe(text);

    return { savePerNote, readAll };
  } finally {
    db.close();
    await FeldakteDb.delete(db.name);
  }
}

it('measures saving a note and reading 10,000 notes, with and without encryption', async () => {
  const plain = await measure(null);
  const encrypted = await measure(await generateDataKey());
  const row = (label: string, m: typeof plain) =>
    `${label.padEnd(10)} save a note ${m.savePerNote.toFixed(1)} ms | read ${NOTES} notes (toArray) ${m.readAll.toFixed(0)} ms`;
  console.log(
    ['Encryption at rest, cost on fake-indexeddb:', row('plain', plain), row('encrypted', encrypted)].join(
      '\n',
    ),
  );
}, 60_000);
