// Local repository of the team's network partners (Netzwerkpartner): every member
// reads the directory, only leads change it. The server refuses a worker's write
// anyway; refusing it here too keeps a worker's device from showing a partner
// that would only come back as a rejection on the next sync.
import type { MessageKey } from '../../shared/messages';
import type { PartnerFields, PartnerRecord, Role } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, ChangeNotAllowedError, createLocal, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';
import { normalizeTerm } from '../search/fold-text';

/** An actor with the role the directory's write rule needs. */
export interface PartnerEditor extends Actor {
  role: Role;
}

export const PARTNER_WRITE_REFUSED = 'partnerDirectoryLeadOnly' satisfies MessageKey;

function assertLead(editor: PartnerEditor): void {
  if (editor.role !== 'lead') throw new ChangeNotAllowedError(PARTNER_WRITE_REFUSED);
}

const byName = (a: PartnerRecord, b: PartnerRecord) =>
  a.name.localeCompare(b.name, 'de', { sensitivity: 'base' }) ||
  a.organisation.localeCompare(b.organisation, 'de');

/** The directory sorted by name. */
export async function listPartners(db: FeldakteDb): Promise<PartnerRecord[]> {
  return (await db.partners.toArray()).sort(byName);
}

/** Words a partner is found by: name, organisation, services and district. */
function searchableText(partner: PartnerRecord): string {
  return normalizeTerm([partner.name, partner.organisation, partner.services, partner.district].join(' '));
}

/**
 * Partners matching every word of `query` (as a prefix of a word or anywhere in
 * one), sorted by name; all of them for an empty query. Folds umlauts and ß like
 * Suche does, so "beratungsstelle fritzlar" finds "Beratungsstelle Fritzlar".
 * The directory is small (dozens, not thousands), so a scan per keystroke is instant.
 */
export function filterPartners(partners: readonly PartnerRecord[], query: string): PartnerRecord[] {
  const words = normalizeTerm(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [...partners];
  return partners.filter((partner) => {
    const text = searchableText(partner);
    return words.every((word) => text.includes(word));
  });
}

export function getPartner(db: FeldakteDb, id: string): Promise<PartnerRecord | undefined> {
  return db.partners.get(id);
}

export async function createPartner(db: FeldakteDb, editor: PartnerEditor, fields: PartnerFields) {
  assertLead(editor);
  return createLocal(db, 'partner', editor, fields, { teamId: editor.teamId });
}

export async function updatePartner(
  db: FeldakteDb,
  editor: PartnerEditor,
  id: string,
  patch: Partial<PartnerFields>,
) {
  assertLead(editor);
  return updateLocal(db, 'partner', editor, id, patch);
}

export async function deletePartner(db: FeldakteDb, editor: PartnerEditor, id: string): Promise<void> {
  assertLead(editor);
  return deleteLocal(db, 'partner', editor, id);
}
