// On-device search over cases, notes, appointments and Fall im Feld.
//
// The index lives in memory only (MiniSearch): it is built from the user's Dexie
// database and kept current by live queries on the four tables, so nothing of
// the personal text is ever indexed in IndexedDB (issue 5 encrypts those fields
// at rest; search then works on what was decrypted after unlock). A change to a
// table re-reads that table and re-indexes only the records whose indexed text
// changed; records that left the table leave the index.
//
// Matching folds German spelling: case, umlauts (ö = o = oe) and ß (= ss), so
// "schroder", "Schroeder" and "Schröder" find each other, as do "strasse" and
// "Straße". Terms match by prefix, and longer ones also with a typo.
import { liveQuery, type Subscription } from 'dexie';
import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import type { AppointmentRecord, CaseRecord, NoteRecord, PreConsultationRecord } from '../shared/records';
import type { FeldakteDb } from './schema';

export type SearchEntity = 'case' | 'note' | 'appointment' | 'preConsultation';

export interface SearchResult {
  entity: SearchEntity;
  id: string;
  /** The case the record belongs to (the case itself for a case); null for Fall im Feld. */
  caseId: string | null;
  /** Family name of the case (cases, notes, appointments) or the contact (Fall im Feld); '' when the case is not on this device. */
  title: string;
  /** The matching passage of the record's text, shortened. */
  snippet: string;
  /** The record's date (ISO, yyyy-mm-dd), for appointments followed by the time. */
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
  /** Searched with the most weight: family name, contact. */
  name: string;
  /** Reference, clients, address, place, note text, concern and advice. */
  body: string;
  date: string;
}

const SNIPPET_LENGTH = 140;

/** German folding for index and query alike: lower case, ß → ss, umlauts and accents to their base letter (Turkish ı to i), ae/oe/ue → a/o/u. */
export function normalizeTerm(term: string): string {
  return term
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

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

type Docs<R> = (record: R, caseNames: ReadonlyMap<string, string>) => IndexedDoc;

const caseDoc: Docs<CaseRecord> = (c) => ({
  key: `case:${c.id}`,
  entity: 'case',
  id: c.id,
  caseId: c.id,
  name: c.familyName,
  body: [c.reference, c.clients, c.address].filter(Boolean).join(' · '),
  date: c.startDate,
});

const noteDoc: Docs<NoteRecord> = (n) => ({
  key: `note:${n.id}`,
  entity: 'note',
  id: n.id,
  caseId: n.caseId,
  // The case name is shown with a note, not searched: a family's name would otherwise find every note of it.
  name: '',
  body: n.text,
  date: n.date,
});

const appointmentDoc: Docs<AppointmentRecord> = (a, caseNames) => ({
  key: `appointment:${a.id}`,
  entity: 'appointment',
  id: a.id,
  caseId: a.caseId,
  name: caseNames.get(a.caseId) ?? '',
  body: [a.place, a.date].filter(Boolean).join(' · '),
  date: `${a.date} ${a.time}`,
});

const preConsultationDoc: Docs<PreConsultationRecord> = (p) => ({
  key: `preConsultation:${p.id}`,
  entity: 'preConsultation',
  id: p.id,
  caseId: null,
  name: p.contact,
  body: [p.concern, p.advice].filter(Boolean).join(' · '),
  date: p.date,
});

/** What changes a document's index entry or what is shown for it. */
function signature(doc: IndexedDoc): string {
  return `${doc.caseId}\u0000${doc.name}\u0000${doc.body}\u0000${doc.date}`;
}

/** The in-memory index of one database, kept current while it is open. */
export class SearchIndex {
  private readonly mini = newMiniSearch();
  /** Indexed documents by key, with their signature. */
  private readonly docs = new Map<string, { doc: IndexedDoc; signature: string }>();
  /** Keys held per entity, so a table's change looks only at its own entries for removals. */
  private keysOf: Record<SearchEntity, Set<string>> = {
    case: new Set(),
    note: new Set(),
    appointment: new Set(),
    preConsultation: new Set(),
  };
  private readonly caseNames = new Map<string, string>();
  private lastAppointments: AppointmentRecord[] = [];
  private readonly subscriptions: Subscription[] = [];
  private readonly listeners = new Set<() => void>();
  private pending = 4;
  private resolveReady!: () => void;
  private rejectReady!: (error: unknown) => void;
  /** Settles once every table was read the first time. */
  readonly ready: Promise<void>;
  private closed = false;

  constructor(db: FeldakteDb) {
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {}); // Reported to whoever awaits it; never an unhandled rejection.
    this.watch(
      () => db.cases.toArray(),
      (cases) => this.applyCases(cases),
    );
    this.watch(
      () => db.notes.toArray(),
      (notes) => this.applyTable('note', notes, noteDoc),
    );
    this.watch(
      () => db.appointments.toArray(),
      (appointments) => {
        this.lastAppointments = appointments;
        this.applyTable('appointment', appointments, appointmentDoc);
      },
    );
    this.watch(
      () => db.preConsultations.toArray(),
      (items) => this.applyTable('preConsultation', items, preConsultationDoc),
    );
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

  close(): void {
    this.closed = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.listeners.clear();
  }

  search(query: string, { limit = 50 }: SearchOptions = {}): SearchResult[] {
    if (!query.trim()) return [];
    return this.mini
      .search(query)
      .slice(0, limit)
      .map((hit) => this.resultOf(hit))
      .filter((result): result is SearchResult => result !== null);
  }

  private watch<R>(read: () => Promise<R[]>, apply: (rows: R[]) => void): void {
    let first = true;
    const subscription = liveQuery(read).subscribe({
      next: (rows) => {
        if (this.closed) return;
        apply(rows);
        if (first) {
          first = false;
          if (--this.pending === 0) this.resolveReady();
        }
        for (const listener of this.listeners) listener();
      },
      error: (error) => {
        if (first) this.rejectReady(error);
        // A closed or deleted database ends the live query; the index stays as it was.
      },
    });
    this.subscriptions.push(subscription);
  }

  private applyCases(cases: CaseRecord[]): void {
    const before = new Map(this.caseNames);
    this.caseNames.clear();
    for (const c of cases) this.caseNames.set(c.id, c.familyName);
    this.applyTable('case', cases, caseDoc);
    const renamed =
      before.size !== this.caseNames.size ||
      [...this.caseNames].some(([id, name]) => before.get(id) !== name);
    // Appointments are found by their case's name: re-index the ones whose case was renamed, added or removed.
    if (renamed) this.applyTable('appointment', this.lastAppointments, appointmentDoc);
  }

  /** Brings the index's documents of one entity in line with the table's rows. */
  private applyTable<R extends { id: string }>(entity: SearchEntity, rows: R[], toDoc: Docs<R>): void {
    const seen = new Set<string>();
    for (const row of rows) {
      const doc = toDoc(row, this.caseNames);
      seen.add(doc.key);
      const sig = signature(doc);
      const held = this.docs.get(doc.key);
      if (held?.signature === sig) continue;
      if (held) this.mini.discard(doc.key);
      this.mini.add(doc);
      this.docs.set(doc.key, { doc, signature: sig });
    }
    const keys = this.keysOf[entity];
    for (const key of keys) {
      if (!seen.has(key)) {
        this.mini.discard(key);
        this.docs.delete(key);
      }
    }
    this.keysOf[entity] = seen;
  }

  private resultOf(hit: MiniSearchResult): SearchResult | null {
    const held = this.docs.get(hit.id as string);
    if (!held) return null;
    const { doc } = held;
    const title = doc.entity === 'preConsultation' ? doc.name : (this.caseNames.get(doc.caseId ?? '') ?? '');
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

/** The database's search index, built on first use and kept current from then on. */
export function searchIndexOf(db: FeldakteDb): SearchIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SearchIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** Stops keeping the database's index current and forgets it (logout, tests). */
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
