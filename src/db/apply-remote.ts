/**
 * Writes changes from other devices through the db layer, in one transaction: per field the merge
 * rule decides (it is passed in; sync owns it), the clock advances past the remote stamps, sort
 * keys are recomputed, the change log follows, conflicts are kept, and the caller's cursor rows
 * land with the data or not at all. Stamps more than 5 minutes ahead refuse the whole batch.
 */
import Dexie, { type Table } from 'dexie';
import { ENTITIES, ENTITY_TABLES, isEntityTable, type EntityTable, type StoredRecord } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import { AppError } from '../domain/errors';
import { ClockError, formatHlc, isHlc, MAX_COUNTER, MAX_DRIFT_MS, parseHlc, receive } from '../domain/hlc';
import { ID_PATTERN } from '../domain/ids';
import type { ChangeRow, MetaRow, MissionDb } from './database';
import { CLOCK_KEY, loadClock } from './writer';

/** Per device, the highest stamp of that device known. */
export type KnowledgeVector = Record<string, string>;

/** A record's user fields (`deleted` included) with a stamp for each. */
export interface FieldState {
  readonly fields: Record<string, unknown>;
  readonly stamps: Record<string, string>;
}

export interface IncomingRecord extends FieldState {
  readonly table: string;
  readonly id: string;
}

export interface RemoteBatch {
  /** The device that wrote the file. */
  readonly sender: string;
  /** The sender's knowledge vector when it wrote the file. */
  readonly seen: KnowledgeVector;
  readonly records: readonly IncomingRecord[];
}

export interface ConflictSide {
  readonly value: unknown;
  readonly stamp: string;
}

/** A value the merge replaced or refused although its writer had not seen the winner. */
export interface Conflict {
  readonly table: string;
  readonly rowId: string;
  readonly field: string;
  /** `edit`: two values for one field; `deleteEdit`: a delete against an edit the deleter had not seen. */
  readonly kind: 'edit' | 'deleteEdit';
  readonly local: ConflictSide;
  readonly remote: ConflictSide;
  readonly kept: 'local' | 'remote';
}

export interface MergeContext {
  /** This device. */
  readonly me: string;
  readonly sender: string;
  readonly senderSeen: KnowledgeVector;
  /** This device's knowledge before the batch. */
  readonly mine: KnowledgeVector;
  /** The latest knowledge vector received from each device. */
  readonly vectors: Readonly<Record<string, KnowledgeVector>>;
}

export interface MergeOutcome extends FieldState {
  /** The incoming fields that won, with their values. */
  readonly changed: Record<string, unknown>;
  readonly conflicts: readonly Conflict[];
}

/** The merge rule (src/sync/merge.ts), passed in because db may not import sync. */
export type MergeFn = (local: FieldState | undefined, incoming: IncomingRecord, context: MergeContext) => MergeOutcome;

export interface ApplyOptions {
  readonly merge: MergeFn;
  /** This device's knowledge before the batches; updated per batch with the sender's stamps. */
  readonly mine: KnowledgeVector;
  readonly vectors: Readonly<Record<string, KnowledgeVector>>;
  /** Rows to write in the same transaction (the sync cursors). */
  readonly meta?: readonly MetaRow[];
  /**
   * Append the applied changes to the change log (default). A join from a snapshot into an empty
   * database skips it: listeners then rebuild from the tables, and the join writes half as much.
   */
  readonly logChanges?: boolean;
  /** Apply even if more than the guard's share of live records would be deleted. */
  readonly confirmMassDeletion?: boolean;
  readonly now?: () => number;
}

export type ApplyResult =
  | {
      readonly status: 'applied';
      readonly changedRecords: number;
      readonly conflicts: number;
      readonly deletions: number;
    }
  | { readonly status: 'massDeletion'; readonly deletions: number; readonly live: number };

/** The mass-deletion guard: more than this share of live records, and at least MIN of them. */
export const MASS_DELETION_SHARE = 0.2;
export const MASS_DELETION_MIN = 5;

export const CONFLICT_PREFIX = 'conflict:';
const PENDING_PREFIX = 'pending:';
const FORBIDDEN_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'stamps',
  'hlc',
  'sortKey',
  '__proto__',
  'constructor',
  'prototype',
]);

export function conflictKey(conflict: Conflict): string {
  const losing = conflict.kept === 'local' ? conflict.remote.stamp : conflict.local.stamp;
  return `${CONFLICT_PREFIX}${conflict.table}:${conflict.rowId}:${conflict.field}:${losing}`;
}

function pendingKey(table: string, id: string): string {
  return `${PENDING_PREFIX}${table}:${id}`;
}

function damaged(why: string): AppError {
  return new AppError('errors.vaultDamaged', why);
}

/** Checks shape and stamps before anything is read or written; a stamp too far ahead refuses everything. */
function validateBatches(batches: readonly RemoteBatch[], now: number): string {
  // Stamps sort as strings in time order, so "too far ahead" is one comparison with the latest allowed stamp.
  const limit = formatHlc({ millis: now + MAX_DRIFT_MS, counter: MAX_COUNTER, device: 'ffffffffffffffff' });
  const checked = new Set<string>();
  let newest = '';
  for (const batch of batches) {
    for (const record of batch.records) {
      if (!isEntityTable(record.table)) throw damaged(`unknown table ${record.table}`);
      if (!ID_PATTERN.test(record.id)) throw damaged(`bad record id in ${record.table}`);
      for (const field of Object.keys(record.fields)) {
        const stamp = record.stamps[field];
        if (FORBIDDEN_FIELDS.has(field)) throw damaged(`forbidden field ${field}`);
        if (stamp === undefined) throw damaged(`field ${field} without a stamp`);
        if (checked.has(stamp)) continue;
        if (!isHlc(stamp)) throw damaged(`field ${field} without a valid stamp`);
        if (stamp > limit) {
          throw new AppError('errors.clockDrift', `a change from ${batch.sender} is stamped ${stamp}, too far ahead`);
        }
        checked.add(stamp);
        if (stamp > newest) newest = stamp;
      }
    }
  }
  return newest;
}

function stateOf(record: Record<string, unknown> & { stamps: Record<string, string>; deleted?: unknown }): FieldState {
  return { fields: { ...userFieldsOf(record), deleted: record.deleted }, stamps: { ...record.stamps } };
}

function newestStamp(stamps: Record<string, string>): string {
  let newest = '';
  for (const stamp of Object.values(stamps)) if (stamp > newest) newest = stamp;
  return newest;
}

function oldestStamp(stamps: Record<string, string>): string {
  let oldest = '';
  for (const stamp of Object.values(stamps)) if (oldest === '' || stamp < oldest) oldest = stamp;
  return oldest;
}

/** The row to store for a merged record, or undefined if its fields do not pass the schema yet (it is held aside). */
function storedRecordOf(
  table: EntityTable,
  id: string,
  state: FieldState,
  stored: StoredRecord<EntityTable> | undefined,
): StoredRecord<EntityTable> | undefined {
  const { deleted, ...userFields } = state.fields;
  const definition = ENTITIES[table];
  const parsed = definition.fields.safeParse(userFields);
  if (!parsed.success || (deleted !== 0 && deleted !== 1)) return undefined;
  const fields = parsed.data as Record<string, unknown>;
  const hlc = newestStamp(state.stamps);
  return {
    ...fields,
    id,
    createdAt: stored?.createdAt ?? new Date(parseHlc(oldestStamp(state.stamps)).millis).toISOString(),
    updatedAt: new Date(parseHlc(hlc).millis).toISOString(),
    deleted,
    stamps: state.stamps,
    hlc,
    sortKey: definition.sortKey ? (definition.sortKey as (f: unknown) => string)(fields) : '',
  } as unknown as StoredRecord<EntityTable>;
}

interface Working {
  table: EntityTable;
  id: string;
  state: FieldState | undefined;
  stored: StoredRecord<EntityTable> | undefined;
  wasPending: boolean;
  wasLive: boolean;
  touched: boolean;
}

export async function applyRemote(
  db: MissionDb,
  batches: readonly RemoteBatch[],
  options: ApplyOptions,
): Promise<ApplyResult> {
  const nowFn = options.now ?? Date.now;
  const scope: Table[] = [...ENTITY_TABLES.map((t) => db.table(t)), db.changes, db.meta];
  return db.transaction('rw', scope, async () => {
    const now = nowFn();
    const newest = validateBatches(batches, now);
    let clock = await loadClock(db);
    const me = clock.device;

    // Read every touched record once, in bulk per table.
    const working = new Map<string, Working>();
    const idsByTable = new Map<EntityTable, Set<string>>();
    for (const batch of batches) {
      for (const record of batch.records) {
        const ids = idsByTable.get(record.table as EntityTable) ?? new Set<string>();
        ids.add(record.id);
        idsByTable.set(record.table as EntityTable, ids);
      }
    }
    for (const [table, idSet] of idsByTable) {
      const ids = [...idSet];
      // An empty table (a device joining) needs no lookups: that halves the work of a join.
      // One key, not count(): IndexedDB counts a store by walking it.
      const empty = (await db.table(table).limit(1).primaryKeys()).length === 0;
      const stored = empty
        ? ids.map(() => undefined)
        : ((await db.table(table).bulkGet(ids)) as (StoredRecord<EntityTable> | undefined)[]);
      // Records held aside are rare: one range read instead of a lookup per id.
      const pendingById = new Map<string, FieldState>();
      const prefix = pendingKey(table, '');
      for (const row of await db.meta.where('key').startsWith(prefix).toArray()) {
        const id = row.key.slice(prefix.length);
        if (idSet.has(id)) pendingById.set(id, row.value as FieldState);
      }
      ids.forEach((id, i) => {
        const record = stored[i];
        working.set(`${table}\u0000${id}`, {
          table,
          id,
          stored: record,
          state: record ? stateOf(record) : pendingById.get(id),
          wasPending: pendingById.has(id),
          wasLive: record?.deleted === 0,
          touched: false,
        });
      });
    }

    // Merge in memory, batch by batch, so later batches see earlier ones.
    const mine: KnowledgeVector = { ...options.mine };
    const vectors: Record<string, KnowledgeVector> = { ...options.vectors };
    const conflicts: Conflict[] = [];
    const changeRows: ChangeRow[] = [];
    const logChanges = options.logChanges !== false;
    for (const batch of batches) {
      const context: MergeContext = {
        me,
        sender: batch.sender,
        senderSeen: batch.seen,
        mine: { ...mine },
        vectors: { ...vectors },
      };
      for (const record of batch.records) {
        const entry = working.get(`${record.table}\u0000${record.id}`);
        if (!entry) throw new AppError('errors.unexpected', 'a merged record was not read');
        const outcome = options.merge(entry.state, record, context);
        conflicts.push(...outcome.conflicts);
        const changedFields = Object.keys(outcome.changed);
        if (changedFields.length === 0) continue;
        entry.state = { fields: outcome.fields, stamps: outcome.stamps };
        entry.touched = true;
        if (!logChanges) continue;
        const changedStamps: Record<string, string> = {};
        for (const field of changedFields) changedStamps[field] = outcome.stamps[field] ?? '';
        const hlc = newestStamp(changedStamps);
        changeRows.push({
          hlc,
          device: parseHlc(hlc).device,
          table: entry.table,
          rowId: entry.id,
          fields: outcome.changed,
        });
      }
      for (const record of batch.records) {
        for (const stamp of Object.values(record.stamps)) {
          // The device id is the stamp's last 16 characters (validated above).
          const device = stamp.slice(-16);
          if (stamp > (mine[device] ?? '')) mine[device] = stamp;
        }
      }
      vectors[batch.sender] = { ...batch.seen };
    }

    const touched = [...working.values()].filter((w) => w.touched);
    const deletions = touched.filter((w) => w.wasLive && w.state?.fields.deleted === 1).length;
    if (deletions >= MASS_DELETION_MIN && !options.confirmMassDeletion) {
      let live = 0;
      for (const table of ENTITY_TABLES)
        live += await db
          .table(table)
          .filter((r: { deleted?: number }) => r.deleted === 0)
          .count();
      if (deletions > live * MASS_DELETION_SHARE) return { status: 'massDeletion', deletions, live };
    }

    // Write: valid records into their tables, incomplete ones aside until the rest arrives.
    const puts = new Map<EntityTable, StoredRecord<EntityTable>[]>();
    const pendingPuts: MetaRow[] = [];
    const pendingDeletes: string[] = [];
    for (const entry of touched) {
      const state = entry.state;
      if (!state) continue;
      const record = storedRecordOf(entry.table, entry.id, state, entry.stored);
      if (!record) {
        pendingPuts.push({ key: pendingKey(entry.table, entry.id), value: state });
        continue;
      }
      if (entry.wasPending) pendingDeletes.push(pendingKey(entry.table, entry.id));
      const list = puts.get(entry.table) ?? [];
      list.push(record);
      puts.set(entry.table, list);
    }
    for (const [table, records] of puts) await db.table(table).bulkPut(records);
    if (pendingDeletes.length > 0) await db.meta.bulkDelete(pendingDeletes);
    const detectedAt = new Date(now).toISOString();
    await db.meta.bulkPut([
      ...pendingPuts,
      ...conflicts.map((conflict) => ({ key: conflictKey(conflict), value: { ...conflict, detectedAt } })),
      ...(options.meta ?? []),
    ]);
    if (changeRows.length > 0) await db.changes.bulkAdd(changeRows);
    if (newest !== '') {
      try {
        clock = receive(clock, newest, now);
      } catch (error) {
        if (error instanceof ClockError) throw new AppError(error.key, error.message);
        throw error;
      }
    }
    // Also when nothing was newer: a device that has only received keeps the id it merged under.
    await db.meta.put({ key: CLOCK_KEY, value: clock });
    return { status: 'applied', changedRecords: touched.length, conflicts: conflicts.length, deletions };
  });
}

/** Where a streamed join gets its batches from: the next one, or undefined when there are no more. */
export type BatchSource = () => Promise<RemoteBatch | undefined>;

/**
 * A join from a snapshot into an empty database (no change log, no records, nothing held aside),
 * fed batch by batch, in ONE transaction like `applyRemote`: while IndexedDB writes one part, the
 * next is read, decrypted and checked (`Dexie.waitFor` keeps the transaction open meanwhile). A
 * source that throws, or a stamp too far ahead, aborts the transaction: nothing is written.
 * Nothing is merged with local data (there is none), so nothing is a conflict or a deletion, and
 * nothing is logged (`joinedEmpty`). Returns undefined, having written nothing, when the database
 * is not empty: the caller then merges with `applyRemote`.
 */
export async function applyJoinStream(
  db: MissionDb,
  first: RemoteBatch,
  next: BatchSource,
  options: Pick<ApplyOptions, 'merge' | 'meta' | 'now'>,
): Promise<ApplyResult | undefined> {
  const nowFn = options.now ?? Date.now;
  const scope: Table[] = [...ENTITY_TABLES.map((t) => db.table(t)), db.changes, db.meta];
  return db.transaction('rw', scope, async () => {
    const now = nowFn();
    let clock = await loadClock(db);
    const me = clock.device;
    const someKey = async (table: Table) => (await table.limit(1).primaryKeys()).length > 0;
    const held = await db.meta.where('key').startsWith(PENDING_PREFIX).limit(1).primaryKeys();
    if (held.length > 0 || (await someKey(db.changes))) return undefined;
    for (const table of ENTITY_TABLES) if (await someKey(db.table(table))) return undefined;

    // Records of this join so far: a record listed twice merges with its first listing.
    const joined = new Map<string, FieldState>();
    const pendingPuts = new Map<string, FieldState>();
    const conflicts: Conflict[] = [];
    const writes: Promise<unknown>[] = [];
    let newest = '';
    let changedRecords = 0;
    for (let batch: RemoteBatch | undefined = first; batch; batch = await Dexie.waitFor(next())) {
      const batchNewest = validateBatches([batch], now);
      if (batchNewest > newest) newest = batchNewest;
      const context: MergeContext = { me, sender: batch.sender, senderSeen: batch.seen, mine: {}, vectors: {} };
      const puts = new Map<EntityTable, StoredRecord<EntityTable>[]>();
      for (const incoming of batch.records) {
        const table = incoming.table as EntityTable;
        const key = `${table}\u0000${incoming.id}`;
        const before = joined.get(key);
        const outcome = options.merge(before, incoming, context);
        conflicts.push(...outcome.conflicts);
        if (Object.keys(outcome.changed).length === 0) continue;
        const state: FieldState = { fields: outcome.fields, stamps: outcome.stamps };
        if (!before) changedRecords++;
        joined.set(key, state);
        const record = storedRecordOf(table, incoming.id, state, undefined);
        if (!record) {
          pendingPuts.set(pendingKey(table, incoming.id), state);
          // If an earlier listing was written whole, it is now held aside instead, as applyRemote would.
          if (before) writes.push(db.table(table).delete(incoming.id));
          continue;
        }
        pendingPuts.delete(pendingKey(table, incoming.id));
        const list = puts.get(table) ?? [];
        list.push(record);
        puts.set(table, list);
      }
      // Not awaited: IndexedDB writes this part while the next one is read.
      for (const [table, records] of puts) writes.push(db.table(table).bulkPut(records));
    }
    await Promise.all(writes);
    const detectedAt = new Date(now).toISOString();
    await db.meta.bulkPut([
      ...[...pendingPuts].map(([key, value]) => ({ key, value })),
      ...conflicts.map((conflict) => ({ key: conflictKey(conflict), value: { ...conflict, detectedAt } })),
      ...(options.meta ?? []),
    ]);
    if (newest !== '') {
      try {
        clock = receive(clock, newest, now);
      } catch (error) {
        if (error instanceof ClockError) throw new AppError(error.key, error.message);
        throw error;
      }
    }
    await db.meta.put({ key: CLOCK_KEY, value: clock });
    return { status: 'applied', changedRecords, conflicts: conflicts.length, deletions: 0 };
  });
}

/** The conflicts kept on this device, oldest first. */
export async function listConflicts(db: MissionDb): Promise<(Conflict & { key: string; detectedAt: string })[]> {
  const rows = await db.meta.where('key').startsWith(CONFLICT_PREFIX).toArray();
  return rows
    .map((row) => ({ ...(row.value as Conflict & { detectedAt: string }), key: row.key }))
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
}

/** Removes a conflict once the user has chosen (the choice itself is a normal write). */
export async function dismissConflict(db: MissionDb, key: string): Promise<void> {
  if (!key.startsWith(CONFLICT_PREFIX)) throw new AppError('errors.invalidInput', 'not a conflict key');
  await db.meta.delete(key);
}
