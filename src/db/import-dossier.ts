/**
 * Imports a dossier file: the whole file is validated first, a preview says per kind what would be
 * new, changed, unchanged or in conflict without writing anything, and the import writes in one
 * transaction, or nothing.
 *
 * An exported file carries every field's stamp: it merges through `applyRemote` by the same rule
 * as sync, so importing it twice changes nothing and an older stamp never beats a newer local edit.
 * A file without stamps (the sample, a hand-made file) is loaded as a new dossier: the mission
 * gets fresh ids, and registry records this device already has are left as they are.
 */
import { z } from 'zod';
import type { DossierFile } from '../domain/dossier';
import { readDossierFile } from '../domain/dossier-read';
import { type EntityTable, type FieldsOf } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import { AppError, type FieldIssue } from '../domain/errors';
import { DEVICE_PATTERN, formatHlc, isHlc, MAX_COUNTER, MAX_DRIFT_MS } from '../domain/hlc';
import { newId } from '../domain/ids';
import {
  applyRemote,
  type FieldState,
  type IncomingRecord,
  type KnowledgeVector,
  type MergeContext,
  type MergeFn,
} from './apply-remote';
import type { MissionDb } from './database';
import type { DossierStamps } from './export-dossier';
import { inWriteTransaction, loadClock, writeScope } from './writer';

export interface ImportResult {
  readonly missionId: string;
  /** Records added or changed (restored ones included). */
  readonly written: number;
  readonly conflicts: number;
}

/** The kinds of a dossier file, in the order a preview lists them. */
export const DOSSIER_KINDS = [
  'missions',
  'delegation',
  'agenda',
  'targets',
  'tasks',
  'people',
  'organisations',
  'notes',
  'photos',
  'countrySheets',
] as const satisfies readonly EntityTable[];
export type DossierKind = (typeof DOSSIER_KINDS)[number];

const MISSION_TABLES = ['delegation', 'agenda', 'targets', 'tasks'] as const;
const REGISTRY_TABLES = ['photos', 'people', 'organisations', 'notes'] as const;

/** The file key of each kind (the mission is one record, the rest are lists). */
const FILE_KEY = {
  missions: 'mission',
  delegation: 'delegation',
  agenda: 'agenda',
  targets: 'targets',
  tasks: 'tasks',
  people: 'people',
  organisations: 'organisations',
  notes: 'notes',
  photos: 'photos',
  countrySheets: 'countrySheets',
} as const satisfies Record<DossierKind, keyof DossierFile>;

/** A validated dossier file, with the stamps of an exported one. */
export interface ReadDossier {
  readonly dossier: DossierFile;
  /** Present for exported files; absent for the sample and for files without stamps. */
  readonly stamps?: DossierStamps;
  readonly exportedBy?: string;
}

/** A record of the file that failed its schema, named for the user: kind, number and label. */
export class DossierInvalidError extends AppError {
  constructor(
    readonly kind: string,
    /** 1-based position in its list; 0 for the mission. */
    readonly position: number,
    readonly label: string,
    readonly field: string,
    message: string,
    issues: readonly FieldIssue[],
  ) {
    super('errors.dossierInvalid', message, issues);
  }
}

type Row = Record<string, unknown>;
const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a user recognises a record by. */
function labelOf(row: Row, names: ReadonlyMap<string, string> = new Map()): string {
  const text = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : '');
  if (text('givenName') || text('familyName')) return `${text('givenName')} ${text('familyName')}`.trim();
  for (const key of ['title', 'name', 'countryCode']) if (text(key)) return text(key);
  for (const key of ['personId', 'organisationId']) {
    const name = names.get(text(key));
    if (name) return name;
  }
  return text('id');
}

function invalid(input: Row, issues: readonly FieldIssue[], message: string): DossierInvalidError {
  const path = (issues[0]?.path ?? '').split('.');
  const [top = '', second = ''] = path;
  const list = input[top];
  const index = Number(second);
  const isList = Array.isArray(list) && Number.isInteger(index);
  const row = isList ? (list as unknown[])[index] : input[top];
  const label = isObject(row) ? labelOf(row) : '';
  const field = path.slice(isList ? 2 : 1).join('.');
  return new DossierInvalidError(top, isList ? index + 1 : 0, label, field, message, issues);
}

/** A dossier file of any known format version, upgraded and validated whole. */
export function parseDossier(input: unknown): DossierFile {
  try {
    return readDossierFile(input);
  } catch (error) {
    if (error instanceof AppError && error.key === 'errors.invalidInput' && isObject(input)) {
      throw invalid(input, error.issues, error.message);
    }
    throw error;
  }
}

const StampsJson = z.record(z.string().max(64), z.record(z.string().max(64), z.string().max(64)));

function stampError(path: string, message: string): AppError {
  return new AppError('errors.dossierStamps', `${path}: ${message}`, [{ path, message }]);
}

/** Every record in the file with its kind, as the merge sees it. */
function fileRecords(dossier: DossierFile): { kind: DossierKind; id: string; fields: Row }[] {
  const out: { kind: DossierKind; id: string; fields: Row }[] = [];
  for (const kind of DOSSIER_KINDS) {
    const value = dossier[FILE_KEY[kind]];
    const rows = (Array.isArray(value) ? value : [value]) as Row[];
    for (const row of rows) {
      const { id, ...fields } = row;
      out.push({ kind, id: String(id), fields });
    }
  }
  return out;
}

/**
 * The file validated whole: its records by their schemas and references, and an exported file's
 * stamps (one per field of every record, valid HLC stamps, no record without them).
 */
export function readDossierInput(input: unknown): ReadDossier {
  const dossier = parseDossier(input);
  if (!isObject(input) || input.stamps === undefined) return { dossier };
  const stamps = StampsJson.safeParse(input.stamps);
  if (!stamps.success) throw stampError('stamps', 'not a map of record stamps');
  const exportedBy = typeof input.exportedBy === 'string' ? input.exportedBy : '';
  if (exportedBy !== '' && !DEVICE_PATTERN.test(exportedBy)) throw stampError('exportedBy', 'not a device id');
  const out: DossierStamps = {};
  for (const record of fileRecords(dossier)) {
    const own = Object.hasOwn(stamps.data, record.id) ? stamps.data[record.id] : undefined;
    if (!own) throw stampError(`stamps.${record.id}`, `no stamps for a record of ${record.kind}`);
    const allowed = new Set([...Object.keys(record.fields), 'deleted']);
    let oldest = '';
    for (const [field, stamp] of Object.entries(own)) {
      if (!allowed.has(field)) throw stampError(`stamps.${record.id}.${field}`, 'a stamp for an unknown field');
      if (!isHlc(stamp)) throw stampError(`stamps.${record.id}.${field}`, 'not a valid stamp');
      if (oldest === '' || stamp < oldest) oldest = stamp;
    }
    if (own.deleted === undefined) throw stampError(`stamps.${record.id}.deleted`, 'no stamp');
    // A field the file's app did not know yet (filled with its default on read) gets the oldest stamp.
    out[record.id] = Object.fromEntries([...allowed].map((field) => [field, own[field] ?? oldest]));
  }
  for (const id of Object.keys(stamps.data)) {
    if (!out[id]) throw stampError(`stamps.${id}`, 'stamps for a record that is not in the file');
  }
  return { dossier, stamps: out, ...(exportedBy ? { exportedBy } : {}) };
}

/** What an import would do to one kind of record. */
export interface KindPreview {
  readonly kind: DossierKind;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly conflicts: number;
  /** Deleted on this device more recently than the file's version: stays deleted unless restored. */
  readonly deletedHere: number;
  /** Left out: a country sheet for a country this device has its own sheet for. */
  readonly skipped: number;
  readonly changedRecords: readonly { readonly id: string; readonly label: string; readonly fields: string[] }[];
}

export interface ImportPreview {
  readonly missionTitle: string;
  /** True for an exported file (merged by stamps), false for a file loaded as a new dossier. */
  readonly merges: boolean;
  readonly kinds: readonly KindPreview[];
  /** True when the import would change nothing (a file imported before). */
  readonly nothingToDo: boolean;
  readonly deletedHere: number;
}

type Status = 'added' | 'changed' | 'unchanged' | 'deletedHere' | 'skipped';

interface PlannedRecord {
  readonly kind: DossierKind;
  readonly id: string;
  readonly label: string;
  readonly status: Status;
  readonly fields: string[];
  readonly conflicts: number;
}

interface Plan {
  readonly records: PlannedRecord[];
  readonly incoming: IncomingRecord[];
  readonly sender: string;
  readonly seen: KnowledgeVector;
  readonly mine: KnowledgeVector;
}

function newestPerDevice(stampSets: Iterable<Record<string, string>>): KnowledgeVector {
  const vector: KnowledgeVector = {};
  for (const stamps of stampSets) {
    for (const stamp of Object.values(stamps)) {
      const device = stamp.slice(-16);
      if (stamp > (vector[device] ?? '')) vector[device] = stamp;
    }
  }
  return vector;
}

function namesIn(dossier: DossierFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of [...dossier.people, ...dossier.organisations]) names.set(row.id, labelOf(row as Row));
  return names;
}

/** Local sheets by country, to leave out a file's sheet for a country this device already covers. */
async function sheetCountries(db: MissionDb, dossier: DossierFile): Promise<Map<string, string>> {
  const sheets = await db.countrySheets
    .where('countryCode')
    .anyOf(dossier.countrySheets.map((sheet) => sheet.countryCode))
    .toArray();
  return new Map(sheets.filter((sheet) => sheet.deleted === 0).map((sheet) => [sheet.countryCode, sheet.id]));
}

/** An exported file against this device's records, merged in memory: nothing is written. */
async function planMerge(db: MissionDb, read: ReadDossier, merge: MergeFn, now: number): Promise<Plan> {
  const stamps = read.stamps ?? {};
  const limit = formatHlc({ millis: now + MAX_DRIFT_MS, counter: MAX_COUNTER, device: 'ffffffffffffffff' });
  for (const own of Object.values(stamps)) {
    for (const stamp of Object.values(own)) {
      if (stamp > limit) throw new AppError('errors.clockDrift', `the file has a change stamped ${stamp}`);
    }
  }
  const me = (await loadClock(db)).device;
  const names = namesIn(read.dossier);
  const sheets = await sheetCountries(db, read.dossier);
  const candidates = fileRecords(read.dossier).map((record) => ({
    ...record,
    incoming: {
      table: record.kind,
      id: record.id,
      fields: { ...record.fields, deleted: 0 },
      stamps: stamps[record.id] ?? {},
    } satisfies IncomingRecord,
  }));
  const local = new Map<string, FieldState & { deleted: unknown }>();
  for (const kind of DOSSIER_KINDS) {
    const ids = candidates.filter((c) => c.kind === kind).map((c) => c.id);
    const rows = (await db.table(kind).bulkGet(ids)) as (Row | undefined)[];
    rows.forEach((row, i) => {
      if (!row) return;
      const fields = { ...userFieldsOf(row), deleted: row.deleted };
      local.set(`${kind}:${ids[i]}`, {
        fields,
        stamps: { ...(row.stamps as Record<string, string>) },
        deleted: row.deleted,
      });
    });
  }
  const seen = newestPerDevice(Object.values(stamps));
  const mine = newestPerDevice([...local.values()].map((state) => state.stamps));
  const sender = read.exportedBy ?? 'ffffffffffffffff';
  const context: MergeContext = { me, sender, senderSeen: seen, mine, vectors: {} };

  const records: PlannedRecord[] = [];
  const incoming: IncomingRecord[] = [];
  for (const candidate of candidates) {
    const label = labelOf({ ...candidate.fields, id: candidate.id }, names);
    const before = local.get(`${candidate.kind}:${candidate.id}`);
    const base = { kind: candidate.kind, id: candidate.id, label };
    if (candidate.kind === 'countrySheets' && !before) {
      const code = String(candidate.fields.countryCode);
      if (sheets.has(code) && sheets.get(code) !== candidate.id) {
        records.push({ ...base, status: 'skipped', fields: [], conflicts: 0 });
        continue;
      }
    }
    incoming.push(candidate.incoming);
    const outcome = merge(before, candidate.incoming, context);
    const fields = Object.keys(outcome.changed);
    const conflicts = outcome.conflicts.length;
    const status: Status = !before
      ? 'added'
      : outcome.fields.deleted === 1
        ? 'deletedHere'
        : fields.length > 0
          ? 'changed'
          : 'unchanged';
    records.push({ ...base, status, fields, conflicts });
  }
  return { records, incoming, sender, seen, mine };
}

/** A file without stamps is a new dossier: the mission's records are new, known registry records stay. */
async function planNewDossier(db: MissionDb, dossier: DossierFile): Promise<PlannedRecord[]> {
  const names = namesIn(dossier);
  const sheets = await sheetCountries(db, dossier);
  const records: PlannedRecord[] = [];
  for (const { kind, id, fields } of fileRecords(dossier)) {
    const label = labelOf({ ...fields, id }, names);
    let status: Status = 'added';
    if ((REGISTRY_TABLES as readonly string[]).includes(kind)) {
      if (await db.table(kind).get(id)) status = 'unchanged';
    } else if (kind === 'countrySheets' && sheets.has(String(fields.countryCode))) status = 'skipped';
    records.push({ kind, id, label, status, fields: [], conflicts: 0 });
  }
  return records;
}

function summarise(records: readonly PlannedRecord[]): {
  kinds: KindPreview[];
  nothingToDo: boolean;
  deletedHere: number;
} {
  const kinds = DOSSIER_KINDS.map((kind): KindPreview => {
    const own = records.filter((r) => r.kind === kind);
    const count = (status: Status) => own.filter((r) => r.status === status).length;
    return {
      kind,
      added: count('added'),
      changed: count('changed'),
      unchanged: count('unchanged'),
      conflicts: own.reduce((sum, r) => sum + r.conflicts, 0),
      deletedHere: count('deletedHere'),
      skipped: count('skipped'),
      changedRecords: own
        .filter((r) => r.status === 'changed' || (r.status === 'deletedHere' && r.fields.length > 0))
        .map((r) => ({ id: r.id, label: r.label, fields: r.fields })),
    };
  });
  const nothingToDo = kinds.every((k) => k.added === 0 && k.changed === 0 && k.conflicts === 0 && k.deletedHere === 0);
  return { kinds, nothingToDo, deletedHere: kinds.reduce((sum, k) => sum + k.deletedHere, 0) };
}

/** What importing the file would change, per kind; reads only. */
export async function previewDossierImport(
  db: MissionDb,
  read: ReadDossier,
  merge: MergeFn,
  now: () => number = Date.now,
): Promise<ImportPreview> {
  const tables = [...DOSSIER_KINDS.map((kind) => db.table(kind)), db.meta];
  const records = await db.transaction('r', tables, async () =>
    read.stamps ? (await planMerge(db, read, merge, now())).records : planNewDossier(db, read.dossier),
  );
  return { missionTitle: read.dossier.mission.title, merges: read.stamps !== undefined, ...summarise(records) };
}

export interface ImportOptions {
  /** The merge rule (src/sync/merge.ts); needed for an exported file. */
  readonly merge?: MergeFn;
  /** Bring back records deleted here that the file holds (a normal, newly stamped write). */
  readonly restoreDeleted?: boolean;
  readonly now?: () => number;
}

/** Imports a file (a value that passed the guard, or one read already) in one transaction. */
export async function importDossier(db: MissionDb, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const read = isReadDossier(input) ? input : readDossierInput(input);
  if (!read.stamps) return importAsNewDossier(db, read.dossier);
  const merge = options.merge;
  if (!merge) throw new AppError('errors.unexpected', 'an exported dossier needs the merge rule');
  const now = options.now ?? Date.now;
  return db.transaction('rw', writeScope(db, DOSSIER_KINDS), async () => {
    // Planned again inside the transaction: the records may have changed since the preview.
    const plan = await planMerge(db, read, merge, now());
    const missionId = read.dossier.mission.id;
    const deleted = plan.records.filter((r) => r.status === 'deletedHere');
    const restoring = options.restoreDeleted === true && deleted.length > 0;
    const merging = plan.records.some((r) => r.status === 'added' || r.fields.length > 0 || r.conflicts > 0);
    // Nothing to write, not even the clock: a file imported before leaves the database as it was.
    if (!merging && !restoring) return { missionId, written: 0, conflicts: 0 };
    const applied = await applyRemote(db, [{ sender: plan.sender, seen: plan.seen, records: plan.incoming }], {
      merge,
      mine: plan.mine,
      vectors: {},
      confirmMassDeletion: true,
      now,
    });
    if (applied.status !== 'applied') throw new AppError('errors.unexpected', 'an import deletes nothing');
    let restored = 0;
    if (restoring) {
      await inWriteTransaction(
        db,
        DOSSIER_KINDS,
        async (session) => {
          for (const record of deleted) {
            const stored = (await db.table(record.kind).get(record.id)) as Row | undefined;
            if (!stored) continue;
            const fields = userFieldsOf(stored) as FieldsOf<typeof record.kind>;
            if (await session.apply({ kind: 'put', table: record.kind, id: record.id, fields })) restored++;
          }
        },
        now,
      );
    }
    return { missionId, written: applied.changedRecords + restored, conflicts: applied.conflicts };
  });
}

function isReadDossier(input: unknown): input is ReadDossier {
  return isObject(input) && isObject(input.dossier) && input.format === undefined;
}

function stripId<T extends { id: string }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...fields } = row;
  return fields;
}

/**
 * Registry records (people, organisations, notes, photos) keep their ids and are added only where
 * this device does not have them yet: the registry is shared, and local edits win over a file.
 * The mission and its own records get fresh ids, so the same file can be loaded as a new dossier.
 */
async function importAsNewDossier(db: MissionDb, dossier: DossierFile): Promise<ImportResult> {
  const missionId = newId();
  const rekey = new Map<string, string>([[dossier.mission.id, missionId]]);
  for (const table of MISSION_TABLES) for (const row of dossier[table]) rekey.set(row.id, newId());
  const mapId = (id: string) => rekey.get(id) ?? id;

  return inWriteTransaction(db, DOSSIER_KINDS, async (session) => {
    let written = 0;
    const put = async <T extends EntityTable>(table: T, id: string, fields: FieldsOf<T>) => {
      if (await session.apply({ kind: 'put', table, id, fields })) written++;
    };
    for (const table of REGISTRY_TABLES) {
      const existing = new Set(
        await db
          .table(table)
          .where('id')
          .anyOf(dossier[table].map((row) => row.id))
          .primaryKeys(),
      );
      for (const row of dossier[table]) {
        if (!existing.has(row.id)) await put(table, row.id, stripId(row) as FieldsOf<typeof table>);
      }
    }
    // One sheet per country: a file's sheet for a country this device already has a sheet for is
    // left out, like any registry record the device already holds (local edits win).
    const sheets = await sheetCountries(db, dossier);
    for (const row of dossier.countrySheets) {
      if (!sheets.has(row.countryCode)) await put('countrySheets', row.id, stripId(row));
    }
    await put('missions', missionId, stripId(dossier.mission));
    for (const table of MISSION_TABLES) {
      for (const row of dossier[table]) {
        await put(table, mapId(row.id), { ...stripId(row), missionId } as FieldsOf<typeof table>);
      }
    }
    return { missionId, written, conflicts: 0 };
  });
}
