/**
 * The search index for the one search box, kept by following the change log: built from the
 * records on first use, then brought up to date from a cursor (the last change-log row seen) before
 * each query, and saved with its cursor in the `meta` table when the app is idle, so a restart
 * reopens it instead of rebuilding.
 */
import type { MissionDb } from '../../db/database';
// The worker's reads only: the rest of the queries would bring the record schemas into its script.
import * as queries from '../../db/log-reads';
import type { SearchedTable } from '../../db/log-reads';
import type {
  CountrySheet,
  IntelligenceNote,
  Mission,
  Organisation,
  Person,
  StoredRecord,
} from '../../domain/entities';
import { countrySheetDoc, missionDoc, noteDoc, organisationDoc, personDoc } from '../../search/documents';
import { SearchIndex, type SearchDoc, type SearchGroup } from '../../search/search-index';
import { fileBytes, newFileToken, readIndexFile, type IndexFile } from './index-file';

export const SEARCH_META_KEY = 'search:index';
/**
 * 5: people's names are written as displayName writes them (陳志明, not 志明 陳), so a Chinese,
 * Japanese or Korean name is found as it is typed. 4: records' countries are handed back as codes
 * (`ref`), named in the reader's language, and an organisation's subtitle holds its own-script
 * name. 3: the index is saved as bytes
 * (SearchIndex.serialize), not as JSON text. 2 added country sheets. An index saved in an older
 * format is not read: it is rebuilt once, and saved anew.
 */
const FORMAT = 5;

/**
 * The `meta` row of the saved index: its cursor, and the index itself (`index`) or the token of
 * the index file that holds it (`file`), written by the same save.
 */
type SavedIndex =
  | { readonly format: number; readonly cursor: number; readonly index: Uint8Array }
  | { readonly format: number; readonly cursor: number; readonly file: string };

function isSavedIndex(value: unknown): value is SavedIndex {
  if (typeof value !== 'object' || value === null) return false;
  const saved = value as Record<string, unknown>;
  return (
    saved.format === FORMAT &&
    typeof saved.cursor === 'number' &&
    (saved.index instanceof Uint8Array || typeof saved.file === 'string')
  );
}

/** How the index of this session came to be: reopened from its saved form, or built from the records. */
export type IndexOrigin = 'saved' | 'rebuilt';

/** The registry tables with the country sheets, which the db's list queries do not cover. */
type IndexedTable = SearchedTable | 'countrySheets';

function isIndexed(table: string): table is IndexedTable {
  return table === 'countrySheets' || (queries.SEARCHED_TABLES as readonly string[]).includes(table);
}

/** One sheet per country, so a few hundred at most: read whole and filtered here. */
async function liveSheets(db: MissionDb): Promise<CountrySheet[]> {
  return (await db.countrySheets.toArray()).filter((sheet) => sheet.deleted === 0);
}

export interface SearchServiceOptions {
  /** Runs the save when the app has nothing else to do; the browser's idle callback by default. */
  readonly whenIdle?: (work: () => void) => void;
  /**
   * Where the index's bytes are saved, when not in the `meta` row itself: the origin-private
   * file in the app (see index-file.ts). Without one, or when writing it fails, the bytes go in
   * the row.
   */
  readonly file?: IndexFile | null;
}

function defaultWhenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 10_000 });
  else setTimeout(work, 2000);
}

/** Records read per request while the index is built. */
const READ_SLICE = 2000;

/**
 * A table's live records, read in slices by primary key: the page decodes each slice in its own
 * task, where one read of 50,000 records would hold the main thread for a second.
 */
async function liveInSlices<T extends SearchedTable>(db: MissionDb, table: T): Promise<StoredRecord<T>[]> {
  const live: StoredRecord<T>[] = [];
  let after = '';
  for (;;) {
    const slice = (await db
      .entityTable(table)
      .where(':id')
      .above(after)
      .limit(READ_SLICE)
      .toArray()) as StoredRecord<T>[];
    const last = slice.at(-1);
    if (!last) return live;
    after = last.id;
    for (const record of slice) if (record.deleted === 0) live.push(record);
    if (slice.length < READ_SLICE) return live;
  }
}

/** Documents added between two turns of the page while the index is built: about 10 ms of work. */
const BUILD_SLICE = 500;

/** Lets the page handle input and paint: the scheduler's yield where there is one, else a macrotask. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An index and the last change-log row it has followed: swapped together when a check rebuilds it. */
interface Followed {
  readonly index: SearchIndex;
  cursor: number;
}

export class SearchService {
  private current: Followed | null = null;
  private opening: Promise<Followed> | null = null;
  private reopening: Promise<Followed | null> | null = null;
  private following: { readonly of: Followed; readonly done: Promise<void> } | null = null;
  private saveScheduled = false;
  private openedFrom: IndexOrigin | null = null;
  private checking: Promise<void> = Promise.resolve();
  /**
   * Milliseconds of opening the index, for the benchmark: file read and meta row counted from the
   * start (they overlap), decoding (reopen) and following the log; or the build.
   */
  openTimings: Readonly<Record<string, number>> | null = null;
  private readonly whenIdle: (work: () => void) => void;
  private readonly file: IndexFile | null;

  constructor(
    private readonly db: MissionDb,
    options: SearchServiceOptions = {},
  ) {
    this.whenIdle = options.whenIdle ?? defaultWhenIdle;
    this.file = options.file ?? null;
  }

  /** Grouped results for the query, from an index that has followed every change written so far. */
  async search(query: string, limitPerKind = 5): Promise<SearchGroup[]> {
    await this.open();
    await this.follow();
    const current = this.current;
    return current ? current.index.search(query, limitPerKind) : [];
  }

  /**
   * Reopens the saved index ahead of the first query, when there is one (and follows the log);
   * builds nothing: a registry never searched is not indexed at start-up.
   */
  async warm(): Promise<void> {
    if (!this.current && !(await this.reopen())) return;
    await this.open();
    await this.follow();
  }

  /** Whether the index was reopened or rebuilt; null until the first search opened it. */
  get origin(): IndexOrigin | null {
    return this.openedFrom;
  }

  /**
   * Settles once the reopened index has been checked against the records (and rebuilt, if it
   * missed some): the check runs when the app is idle after reopening, not before the first answer.
   */
  checked(): Promise<void> {
    return this.checking;
  }

  /**
   * Saves the index and its cursor now (also what the idle save does). With an index file, the
   * file is written first under a new token and the `meta` row naming that token after it: a
   * save interrupted between the two leaves a row that names no file, and the next start rebuilds.
   */
  async save(): Promise<void> {
    // The row is local and not synced: written outside the change log on purpose.
    const { index, cursor } = await this.open();
    const bytes = index.serialize();
    if (this.file) {
      try {
        const token = newFileToken();
        await this.file.write(fileBytes(token, bytes));
        await this.db.meta.put({
          key: SEARCH_META_KEY,
          value: { format: FORMAT, cursor, file: token } satisfies SavedIndex,
        });
        return;
      } catch (error) {
        console.warn('search index file not written; saving the index in the database', error);
      }
    }
    await this.db.meta.put({
      key: SEARCH_META_KEY,
      value: { format: FORMAT, cursor, index: bytes } satisfies SavedIndex,
    });
  }

  private open(): Promise<Followed> {
    if (this.current) return Promise.resolve(this.current);
    this.opening ??= this.reopen()
      .then((reopened) => reopened ?? this.build())
      .then(
        (followed) => {
          this.current ??= followed;
          return this.current;
        },
        (error: unknown) => {
          this.opening = null;
          this.reopening = null;
          throw error;
        },
      );
    return this.opening;
  }

  /** The saved index, reopened and brought up to date; null when there is none to use. Read once. */
  private reopen(): Promise<Followed | null> {
    this.reopening ??= this.readSaved();
    return this.reopening;
  }

  /**
   * Reads the `meta` row and the index file side by side: the file is read and decoded while the
   * row may still wait its turn in IndexedDB behind the window's reads; the row then says whether
   * the file is the one its save wrote.
   */
  private async readSaved(): Promise<Followed | null> {
    const started = performance.now();
    const timings: Record<string, number> = {};
    this.openTimings = timings;
    const since = () => Math.round(performance.now() - started);
    const decode = (bytes: Uint8Array) => {
      const decoding = performance.now();
      const index = SearchIndex.deserialize(bytes);
      timings.reopen = Math.round(performance.now() - decoding);
      return index;
    };
    const fromFile = this.file
      ? this.file.read().then(
          (bytes) => {
            timings.read = since();
            const file = bytes && readIndexFile(bytes);
            return file && { token: file.token, index: decode(file.index) };
          },
          (error: unknown) => {
            console.warn('search index file not read; rebuilding the index', error);
            return null;
          },
        )
      : Promise.resolve(null);
    const saved = await queries.readMeta(this.db, SEARCH_META_KEY);
    timings.meta = since();
    if (!isSavedIndex(saved)) return null;
    let index: SearchIndex | null;
    if ('file' in saved) {
      const file = await fromFile;
      index = file?.token === saved.file ? file.index : null;
    } else index = decode(saved.index);
    if (!index) return null;
    const followed: Followed = { index, cursor: saved.cursor };
    const following = performance.now();
    await this.applyChanges(followed);
    timings.follow = Math.round(performance.now() - following);
    this.openedFrom = 'saved';
    // The first query is answered from here; the check against the records waits until the
    // app is idle (in the worker: no query for a while), so it never holds up typing.
    this.checking = new Promise<void>((resolve) => {
      this.whenIdle(() => {
        this.check(followed)
          .catch((error: unknown) => console.warn('search index not checked against the records', error))
          .finally(resolve);
      });
    });
    return followed;
  }

  private async build(): Promise<Followed> {
    const started = performance.now();
    this.openedFrom = 'rebuilt';
    const built = await this.buildIndex();
    this.openTimings = { ...this.openTimings, build: Math.round(performance.now() - started) };
    return built;
  }

  /**
   * Records can arrive without a change-log row (a sync join into an empty database, a log
   * trimmed past the cursor): a count that differs from the records means the reopened index
   * missed some, and a rebuilt one replaces it. Until then queries use the reopened one.
   */
  private async check(followed: Followed): Promise<void> {
    await this.open();
    const started = performance.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      // A write between the follow and the count differs for a moment: follow and count again.
      await this.follow();
      if (followed.index.size === (await this.liveCount())) {
        this.openTimings = { ...this.openTimings, check: Math.round(performance.now() - started) };
        return;
      }
    }
    this.current = await this.buildIndex();
    this.openedFrom = 'rebuilt';
  }

  private async liveCount(): Promise<number> {
    const counts = await Promise.all(queries.SEARCHED_TABLES.map((table) => queries.countLive(this.db, table)));
    const sheets = await this.db.countrySheets.filter((sheet) => sheet.deleted === 0).count();
    return counts.reduce((sum, count) => sum + count, sheets);
  }

  private async buildIndex(): Promise<Followed> {
    // The cursor is read first: a change written while the records are read is followed again, harmlessly.
    const followed: Followed = { index: new SearchIndex(), cursor: await queries.lastChangeSeq(this.db) };
    const { index } = followed;
    // One after the other, each in slices: reading 50,000 records at once is one long task.
    const missions = await liveInSlices(this.db, 'missions');
    const organisations = await liveInSlices(this.db, 'organisations');
    const people = await liveInSlices(this.db, 'people');
    const notes = await liveInSlices(this.db, 'notes');
    const sheets = await liveSheets(this.db);
    const organisationNames = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    // In slices, giving the page its turn between them: 50,000 records at once would hold the
    // main thread for seconds, and the registry being scrolled meanwhile would freeze.
    let added = 0;
    const add = async (doc: SearchDoc) => {
      index.add(doc);
      if (++added % BUILD_SLICE === 0) await yieldToPage();
    };
    for (const mission of missions) await add(missionDoc(mission));
    for (const organisation of organisations) await add(organisationDoc(organisation));
    for (const person of people) await add(personDoc(person, organisationNames.get(person.organisationId) ?? ''));
    for (const note of notes) await add(noteDoc(note));
    for (const sheet of sheets) await add(countrySheetDoc(sheet));
    this.scheduleSave();
    return followed;
  }

  /** One follower at a time: two queries typed quickly must not apply the same changes twice. */
  private follow(): Promise<void> {
    const current = this.current;
    if (!current) return Promise.resolve();
    if (this.following?.of !== current) {
      const following = {
        of: current,
        done: this.applyChanges(current).finally(() => {
          if (this.following === following) this.following = null;
        }),
      };
      this.following = following;
    }
    return this.following.done;
  }

  private async applyChanges(followed: Followed): Promise<void> {
    for (;;) {
      const rows = await queries.changesAfter(this.db, followed.cursor);
      const last = rows.at(-1)?.seq;
      if (last === undefined) return;
      const touched = new Map<IndexedTable, Set<string>>();
      for (const row of rows) {
        if (!isIndexed(row.table)) continue;
        const ids = touched.get(row.table) ?? new Set<string>();
        ids.add(row.rowId);
        touched.set(row.table, ids);
      }
      await this.reindex(followed.index, touched);
      followed.cursor = last;
      this.scheduleSave();
    }
  }

  private async reindex(index: SearchIndex, touched: ReadonlyMap<IndexedTable, ReadonlySet<string>>): Promise<void> {
    const read = <T extends SearchedTable>(table: T) =>
      queries.recordsByIds(this.db, table, [...(touched.get(table) ?? [])]);
    const [missions, organisations, notes, sheets] = await Promise.all([
      read('missions'),
      read('organisations'),
      read('notes'),
      this.db.countrySheets.bulkGet([...(touched.get('countrySheets') ?? [])]),
    ]);
    // A renamed organisation changes the line under each of its contacts.
    const contacts = (
      await Promise.all(organisations.map((organisation) => queries.contactsOf(this.db, organisation.id)))
    ).flat();
    const people = [...(await read('people')), ...contacts];
    const apply = (record: { id: string; deleted: 0 | 1 }, kind: IndexedTable, doc: () => SearchDoc) => {
      if (record.deleted === 0) index.add(doc());
      else index.remove({ kind, id: record.id });
    };
    for (const mission of missions as Mission[]) apply(mission, 'missions', () => missionDoc(mission));
    for (const organisation of organisations as Organisation[]) {
      apply(organisation, 'organisations', () => organisationDoc(organisation));
    }
    for (const note of notes as IntelligenceNote[]) apply(note, 'notes', () => noteDoc(note));
    for (const sheet of sheets) {
      if (sheet) apply(sheet, 'countrySheets', () => countrySheetDoc(sheet));
    }
    const linked = [...new Set(people.map((person) => person.organisationId).filter(Boolean))];
    const names = new Map(
      (await queries.recordsByIds(this.db, 'organisations', linked))
        .filter((organisation) => organisation.deleted === 0)
        .map((organisation) => [organisation.id, organisation.name]),
    );
    for (const person of people as Person[]) {
      apply(person, 'people', () => personDoc(person, names.get(person.organisationId) ?? ''));
    }
  }

  private scheduleSave(): void {
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    this.whenIdle(() => {
      this.saveScheduled = false;
      this.save().catch((error: unknown) => {
        // The saved index only spares a rebuild; failing to save it costs the next start some time.
        console.warn('search index not saved', error);
      });
    });
  }
}
