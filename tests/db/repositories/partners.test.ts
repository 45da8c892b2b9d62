import { afterEach, describe, expect, it } from 'vitest';
import { ChangeNotAllowedError } from '../../../src/db/infrastructure/local-write';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  createPartner,
  deletePartner,
  filterPartners,
  listPartners,
  PARTNER_WRITE_REFUSED,
  type PartnerEditor,
  updatePartner,
} from '../../../src/db/repositories/partners';
import { contactLinks } from '../../../src/features/partners/contact-links';
import type { PartnerFields } from '../../../src/shared/records';
import { freshDb, lead, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

const asLead: PartnerEditor = { ...lead, role: 'lead' };
const asWorker: PartnerEditor = { ...worker, role: 'worker' };

function partnerFields(overrides: Partial<PartnerFields> = {}): PartnerFields {
  return {
    name: 'Schuldnerberatung Fritzlar',
    organisation: 'Diakonie Schwalm-Eder',
    services: 'Schuldner- und Insolvenzberatung, Hilfe bei Mietschulden',
    contact: 'Tel. 05622 998877, schuldner@diakonie.example',
    district: 'Fritzlar',
    ...overrides,
  };
}

describe('partner directory writes', () => {
  it('lets a lead create, edit and delete a partner, each with its outbox entry', async () => {
    db = freshDb();

    const created = await createPartner(db, asLead, partnerFields());
    await updatePartner(db, asLead, created.id, { district: 'Homberg (Efze)' });
    expect(await db.partners.get(created.id)).toMatchObject({
      teamId: lead.teamId,
      district: 'Homberg (Efze)',
      version: 0,
    });
    await deletePartner(db, asLead, created.id);

    expect(await db.partners.count()).toBe(0);
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.op, e.recordId, e.caseId])).toEqual([
      ['partner', 'create', created.id, null],
      ['partner', 'update', created.id, null],
      ['partner', 'delete', created.id, null],
    ]);
  });

  it('refuses a worker every write with a clear error, and writes nothing', async () => {
    db = freshDb();
    const existing = await createPartner(db, asLead, partnerFields());
    const outboxBefore = await db.outbox.count();

    await expect(createPartner(db, asWorker, partnerFields({ name: 'Neu' }))).rejects.toMatchObject({
      messageKey: PARTNER_WRITE_REFUSED,
      message: 'Nur die Teamleitung kann das Partnerverzeichnis ändern',
    });
    await expect(updatePartner(db, asWorker, existing.id, { name: 'Anders' })).rejects.toBeInstanceOf(
      ChangeNotAllowedError,
    );
    await expect(deletePartner(db, asWorker, existing.id)).rejects.toMatchObject({
      messageKey: PARTNER_WRITE_REFUSED,
    });

    expect(await listPartners(db)).toEqual([existing]);
    expect(await db.outbox.count()).toBe(outboxBefore);
  });

  it('refuses a partner without a name (the shared schema)', async () => {
    db = freshDb();
    await expect(createPartner(db, asLead, partnerFields({ name: '  ' }))).rejects.toThrow();
    expect(await db.partners.count()).toBe(0);
  });
});

describe('listPartners and filterPartners', () => {
  it('lists by name and finds partners by name, organisation, services and district, folding umlauts', async () => {
    db = freshDb();
    const debt = await createPartner(db, asLead, partnerFields());
    const school = await createPartner(
      db,
      asLead,
      partnerFields({
        name: 'Schulsozialarbeit Gudensberg',
        organisation: 'Jugendförderung',
        services: 'Beratung für Schüler und Eltern',
        contact: '',
        district: 'Gudensberg',
      }),
    );
    const clinic = await createPartner(
      db,
      asLead,
      partnerFields({
        name: 'Ärztliche Beratungsstelle',
        organisation: 'Gesundheitsamt',
        services: 'Entwicklungsdiagnostik',
        district: 'Homberg (Efze)',
      }),
    );

    const all = await listPartners(db);
    expect(all.map((p) => p.id)).toEqual([clinic.id, debt.id, school.id]);

    const ids = (query: string) => filterPartners(all, query).map((p) => p.id);
    expect(ids('')).toEqual([clinic.id, debt.id, school.id]);
    expect(ids('schul')).toEqual([debt.id, school.id]);
    expect(ids('mietschulden')).toEqual([debt.id]);
    expect(ids('diakonie fritzlar')).toEqual([debt.id]);
    expect(ids('Jugendforderung')).toEqual([school.id]);
    expect(ids('schueler gudensberg')).toEqual([school.id]);
    expect(ids('arztliche')).toEqual([clinic.id]);
    expect(ids('homberg')).toEqual([clinic.id]);
    expect(ids('kassel')).toEqual([]);
  });
});

describe('contactLinks', () => {
  it('finds phone numbers and e-mail addresses in free contact text, for tel: and mailto: links', () => {
    expect(
      contactLinks('Frau Maier, 0561/123456-12 oder +49 (0) 5622 9988; mail: a.maier@diakonie-nord.de'),
    ).toEqual([
      { kind: 'tel', text: '0561/123456-12', href: 'tel:056112345612' },
      { kind: 'tel', text: '+49 (0) 5622 9988', href: 'tel:+4956229988' },
      { kind: 'mail', text: 'a.maier@diakonie-nord.de', href: 'mailto:a.maier@diakonie-nord.de' },
    ]);
    expect(contactLinks('(05622) 12 34 56')).toEqual([
      { kind: 'tel', text: '(05622) 12 34 56', href: 'tel:05622123456' },
    ]);
  });

  it('takes no digits inside an address, a time or an e-mail for a phone number', () => {
    expect(contactLinks('Sprechzeit Mo 9-12 Uhr, Lindenweg 3, 34560 Fritzlar')).toEqual([]);
    expect(contactLinks('info2024@verein.de')).toEqual([
      { kind: 'mail', text: 'info2024@verein.de', href: 'mailto:info2024@verein.de' },
    ]);
    expect(contactLinks('')).toEqual([]);
  });
});
