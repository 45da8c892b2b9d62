// On-device search over cases, notes, appointments, Fall im Feld and the network
// partners.
//
// The index lives in memory only (MiniSearch): it is built from the user's Dexie
// database and nothing of the personal text is ever indexed in IndexedDB (those
// fields are sealed at rest; search works on what was opened after unlock).
//
// Kept current incrementally, so a note written among thousands costs one record's
// read, not the table's: after the first full read the index listens to Dexie's
// `storagemutated` event (fired when a write transaction commits, in this tab or,
// through Dexie's BroadcastChannel, in another), which names the primary keys each
// transaction wrote or deleted. Only those records are read again; a key that is
// gone leaves the index. A write whose keys Dexie does not name (a bulk write of 50
// or more records, such as a pull batch, or a range delete) re-reads that table,
// but re-indexes only the records whose version or updatedAt changed, and drops
// the ones no longer there. Changes are applied one batch at a time, each read
// after the commit that announced it, so the index never goes back to older data.
//
// Matching folds German spelling: case, umlauts (ö = o = oe) and ß (= ss), so
// "schroder", "Schroeder" and "Schröder" find each other, as do "strasse" and
// "Straße". Terms match by prefix, and longer ones also with a typo.
import { cmp, Dexie, type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import type {
  AppointmentRecord,
  CaseRecord,
  NoteRecord,
  PartnerRecord,
  PreConsultationRecord,
} from '../../shared/records';
import { NOTE_SECTIONS } from '../../shared/records';
import type { FeldakteDb } from '../infrastructure/schema';
import { normalizeTerm } from './fold-text';

export { normalizeTerm } from './fold-text';

export type SearchEntity = 'case' | 'note' | 'appointment' | 'preConsultation' | 'partner';

export interface SearchResult {
  entity: SearchEntity;
  id: string;
  /** The case the record belongs to (the case itself for a case); null for Fall im Feld and partners. */
  caseId: string | null;
  /** Family name of the case (cases, notes, appointments), the contact (Fall im Feld) or the partner's name; '' when the case is not on this device. */
  title: string;
  /** The matching passage of the record's text, shortened. */
  snippet: string;
  /** The record's date (ISO, yyyy-mm-dd), for appointments followed by the time; '' for partners. */
  date: string;
  score: number;
}

export interface SearchOptions {
  /** Most results returned; 50 unless told. */
  limit?: number;
}

/** What the index holds per record: `key` is entity and id, the text fields are what is searched. */
interface IndexedDoc {
  key: string;
  entity: SearchEntity;
  id: string;
  caseId: string | null;
  /** Searched with the most weight: family name, contact, partner name. */
  name: string;
  /** Reference, clients, address, place, note text and sections, concern, advice, a partner's details. */
  body: string;
  date: string;
}

interface SyncedRow {
  id: string;
  version: number;
  updatedAt: string;
}

const SNIPPET_LENGTH = 140;

function newMiniSearch(): MiniSearch<IndexedDoc> {
  return new MiniSearch<IndexedDoc>({
    idField: 'key',
    fields: ['name', 'body'],
    processTerm: (term) => normalizeTerm(term) || null,
    searchOptions: {
      boost: { name: 3 },
      combineWith: 'AND',
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    },
  });
}

const joined = (parts: readonly string[]) => parts.filter(Boolean).join(' · ');

type Docs<R> = (record: R, caseNames: ReadonlyMap<string, string>) => IndexedDoc;

const caseDoc: Docs<CaseRecord> = (c) => ({
  key: `case:${c.id}`,
  entity: 'case',
  id: c.id,
  caseId: c.id,
  name: c.familyName,
  body: joined([c.reference, c.clients, c.address]),
  date: c.startDate,
});

const noteDoc: Docs<NoteRecord> = (n) => ({
  key: `note:${n.id}`,
  entity: 'note',
  id: n.id,
  caseId: n.caseId,
  // The case name is shown with a note, not searched: a family's name would otherwise find every note of it.
  name: '',
  // Notes written before templates existed have no sections.
  body: joined([n.text, ...NOTE_SECTIONS.map((section) => n[section] ?? '')]),
  date: n.date,
});

const appointmentDoc: Docs<AppointmentRecord> = (a, caseNames) => ({
  key: `appointment:${a.id}`,
  entity: 'appointment',
  id: a.id,
  caseId: a.caseId,
  name: caseNames.get(a.caseId) ?? '',
  body: joined([a.place, a.date]),
  date: `${a.date} ${a.time}`,
});

const preConsultationDoc: Docs<PreConsultationRecord> = (p) => ({
  key: `preConsultation:${p.id}`,
  entity: 'preConsultation',
  id: p.id,
  caseId: null,
  name: p.contact,
  body: joined([p.concern, p.advice]),
  date: p.date,
});

const partnerDoc: Docs<PartnerRecord> = (p) => ({
  key: `partner:${p.id}`,
  entity: 'partner',
  id: p.id,
  caseId: null,
  name: p.name,
  body: joined([p.organisation, p.services, p.district, p.contact]),
  date: '',
});

interface Source {
  entity: SearchEntity;
  table: (db: FeldakteDb) => Table<SyncedRow, string>;
  toDoc: Docs<SyncedRow>;
}

function source<R extends SyncedRow>(
  entity: SearchEntity,
  table: (db: FeldakteDb) => Table<R, string>,
  toDoc: Docs<R>,
): Source {
  return { entity, table, toDoc } as unknown as Source;
}

/** Where each entity's records live and how one becomes a document; cases first, so appointments see current names. */
const SOURCES: readonly Source[] = [
  source('case', (db) => db.cases, caseDoc),
  source('note', (db) => db.notes, noteDoc),
  source('appointment', (db) => db.appointments, appointmentDoc),
  source('preConsultation', (db) => db.preConsultations, preConsultationDoc),
  source('partner', (db) => db.partners, partnerDoc),
];
const APPOINTMENTS = SOURCES[2] as Source;

/** What one entity's committed writes touched: named keys, or (all) keys Dexie did not name. */
interface Touched {
  all: boolean;
  keys: Set<string>;
}

/** What changes a document's index entry or what is shown for it. */
function signature(doc: IndexedDoc): string {
  return `${doc.caseId}\u0000${doc.name}\u0000${doc.body}\u0000${doc.date}`;
}

const stampOf = (row: SyncedRow) => `${row.version}\u0000${row.updatedAt}`;

/** Adds the primary keys an interval tree of Dexie's names to `touched`; a range that is not one key means "all". */
function collectKeys(node: IntervalTree | null | undefined, touched: Touched): void {
  if (!node || !('from' in node)) return;
  if (typeof node.from === 'string' && cmp(node.from, node.to) === 0) touched.keys.add(node.from);
  else touched.all = true;
  collectKeys(node.l, touched);
  collectKeys(node.r, touched);
}

interface Held {
  doc: IndexedDoc;
  signature: string;
  stamp: string;
}

/** The in-memory index of one database, kept current while it is open. */
export class SearchIndex {
  private mini = newMiniSearch();
  /** Indexed documents by key, with their signature and the record's version stamp. */
  private readonly docs = new Map<string, Held>();
  /** Record ids held per entity, so a re-read table can tell which records left it. */
  private readonly idsOf = new Map<SearchEntity, Set<string>>(SOURCES.map((s) => [s.entity, new Set()]));
  private readonly caseNames = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  /** Writes announced but not yet taken in, per entity. */
  private touched = new Map<SearchEntity, Touched>();
  private loaded = false;
  private applying = false;
  private closed = false;
  /** Settles once every table was read the first time. */
  readonly ready: Promise<void>;

  constructor(private readonly db: FeldakteDb) {
    // Listen before the first read, so nothing committed meanwhile is missed.
    Dexie.on('storagemutated', this.onMutated);
    this.ready = this.load();
    this.ready.catch(() => {}); // Reported to whoever awaits it; never an unhandled rejection.
  }

  /** Number of records in the index. */
  get size(): number {
    return this.docs.size;
  }

  /** Called after each change the index took in; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops following the database and forgets every text it held: the index is
   * the decrypted content of the records, which must not outlive a lock or a
   * logout in memory (a screen may still hold this object).
   */
  close(): void {
    this.closed = true;
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    this.listeners.clear();
    // A fresh index rather than removeAll(): MiniSearch may be vacuuming the old
    // one in the background, which must finish on its own (dropped) maps.
    this.mini = newMiniSearch();
    this.docs.clear();
    for (const ids of this.idsOf.values()) ids.clear();
    this.caseNames.clear();
    this.touched.clear();
  }

  search(query: string, { limit = 50 }: SearchOptions = {}): SearchResult[] {
    if (!query.trim()) return [];
    return this.mini
      .search(query)
      .slice(0, limit)
      .map((hit) => this.resultOf(hit))
      .filter((result): result is SearchResult => result !== null);
  }

  private async load(): Promise<void> {
    const rows = await this.db.transaction(
      'r',
      SOURCES.map((s) => s.table(this.db)),
      () => Promise.all(SOURCES.map((s) => s.table(this.db).toArray())),
    );
    if (this.closed) return;
    SOURCES.forEach((source, i) => {
      this.reconcileTable(source, rows[i] ?? []);
    });
    this.loaded = true;
    this.notify();
    void this.applyTouched();
  }

  private readonly onMutated = (parts: ObservabilitySet): void => {
    if (this.closed) return;
    let any = false;
    for (const source of SOURCES) {
      const part = parts[`idb://${this.db.name}/${source.table(this.db).name}/`];
      if (!part || !('from' in part)) continue;
      const touched = this.touched.get(source.entity) ?? { all: false, keys: new Set<string>() };
      collectKeys(part, touched);
      this.touched.set(source.entity, touched);
      any = true;
    }
    if (any) void this.applyTouched();
  };

  /** Takes in what was announced, one batch at a time (reads of a batch start after its commits). */
  private async applyTouched(): Promise<void> {
    if (!this.loaded || this.applying) return;
    this.applying = true;
    try {
      while (this.touched.size > 0 && !this.closed) {
        const batch = this.touched;
        this.touched = new Map();
        await this.applyBatch(batch);
        if (!this.closed) this.notify();
      }
    } catch {
      // A closed or deleted database: the index stays as it was.
    } finally {
      this.applying = false;
    }
  }

  private async applyBatch(batch: ReadonlyMap<SearchEntity, Touched>): Promise<void> {
    const renamedCases = new Set<string>();
    for (const source of SOURCES) {
      const touched = batch.get(source.entity);
      if (!touched) continue;
      const namesBefore = source.entity === 'case' ? new Map(this.caseNames) : null;
      const table = source.table(this.db);
      if (touched.all) {
        this.reconcileTable(source, await table.toArray());
      } else {
        const ids = [...touched.keys];
        const rows = await table.bulkGet(ids);
        ids.forEach((id, i) => {
          const row = rows[i];
          if (row) this.upsert(source, row, true);
          else this.remove(source.entity, id);
        });
      }
      if (namesBefore) {
        for (const id of new Set([...namesBefore.keys(), ...this.caseNames.keys()])) {
          if (namesBefore.get(id) !== this.caseNames.get(id)) renamedCases.add(id);
        }
      }
    }
    // Appointments are found by their case's name: re-index those of cases renamed, added or removed.
    if (renamedCases.size > 0) {
      const appointments = await this.db.appointments
        .where('caseId')
        .anyOf([...renamedCases])
        .toArray();
      for (const appointment of appointments) this.upsert(APPOINTMENTS, appointment, true);
    }
  }

  /** Brings one entity's documents in line with the whole table; unchanged records (same version stamp) are skipped. */
  private reconcileTable(source: Source, rows: readonly SyncedRow[]): void {
    const held = this.idsOf.get(source.entity) ?? new Set<string>();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      this.upsert(source, row, false);
    }
    for (const id of held) if (!seen.has(id)) this.remove(source.entity, id);
  }

  /** (Re-)indexes a record; `force` compares the document itself even when the version stamp is the same. */
  private upsert(source: Source, row: SyncedRow, force: boolean): void {
    // A read that was under way when the index closed brings nothing back into it.
    if (this.closed) return;
    const key = `${source.entity}:${row.id}`;
    const held = this.docs.get(key);
    const stamp = stampOf(row);
    if (source.entity === 'case') this.caseNames.set(row.id, (row as unknown as CaseRecord).familyName);
    if (held && !force && held.stamp === stamp) return;
    const doc = source.toDoc(row, this.caseNames);
    const sig = signature(doc);
    if (held?.signature === sig) {
      held.stamp = stamp;
      return;
    }
    if (held) this.mini.discard(key);
    this.mini.add(doc);
    this.docs.set(key, { doc, signature: sig, stamp });
    this.idsOf.get(source.entity)?.add(row.id);
  }

  private remove(entity: SearchEntity, id: string): void {
    const key = `${entity}:${id}`;
    if (entity === 'case') this.caseNames.delete(id);
    this.idsOf.get(entity)?.delete(id);
    if (!this.docs.has(key)) return;
    this.mini.discard(key);
    this.docs.delete(key);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private resultOf(hit: MiniSearchResult): SearchResult | null {
    const held = this.docs.get(hit.id as string);
    if (!held) return null;
    const { doc } = held;
    const title = doc.caseId === null ? doc.name : (this.caseNames.get(doc.caseId) ?? '');
    return {
      entity: doc.entity,
      id: doc.id,
      caseId: doc.caseId,
      title,
      snippet: snippetOf(doc.body, hit.terms),
      date: doc.date,
      score: hit.score,
    };
  }
}

/** A passage of `text` around the first word that matched, on word boundaries, with … where it was cut. */
export function snippetOf(text: string, matchedTerms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  let at = 0;
  for (const word of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = normalizeTerm(word[0]);
    if (matchedTerms.some((term) => folded.startsWith(term) || term.startsWith(folded))) {
      at = word.index ?? 0;
      break;
    }
  }
  let start = Math.max(0, at - 40);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
}

const indexes = new WeakMap<FeldakteDb, SearchIndex>();

/**
 * The database's search index, built on first use and kept current from then
 * on. It goes when the database closes (lock, logout, wipe): it holds the
 * records' decrypted text, which must not outlive the key.
 */
export function searchIndexOf(db: FeldakteDb): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SearchIndex(db);
    indexes.set(db, index);
    db.on('close', () => closeSearchIndex(db));
  }
  return index;
}

/** Stops keeping the database's index current and drops it with its text. */
export function closeSearchIndex(db: FeldakteDb): void {
  indexes.get(db)?.close();
  indexes.delete(db);
}

/** Ranked matches for `query` among the records on this device, best first. */
export async function searchLocal(
  db: FeldakteDb,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult[]> {
  const index = searchIndexOf(db);
  await index.ready;
  return index.search(query, options);
}
