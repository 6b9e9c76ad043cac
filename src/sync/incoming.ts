/** Turns decrypted vault files into batches for the db layer, refusing entries that cannot be ours. */
import type { IncomingRecord, RemoteBatch } from '../db/apply-remote';
import { isEntityTable } from '../domain/entities';
import { isHlc } from '../domain/hlc';
import { ID_PATTERN } from '../domain/ids';
import { stampsOf } from './sync-state';
import { RECORDS_PER_PART, type ChangeFile, type SnapshotManifest } from './vault-files';

const NOT_FIELDS = new Set([
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

function fieldsOk(fields: Record<string, unknown>): boolean {
  return Object.keys(fields).every((field) => !NOT_FIELDS.has(field));
}

/** A change file as a batch, or undefined if an entry is malformed or carries another device's stamp. */
export function changeFileBatch(sender: string, file: ChangeFile): RemoteBatch | undefined {
  const records: IncomingRecord[] = [];
  for (const change of file.changes) {
    if (!isEntityTable(change.t) || !ID_PATTERN.test(change.id) || !isHlc(change.h) || !fieldsOk(change.f))
      return undefined;
    // A device only sends its own edits, so every stamp in its file ends in its id.
    if (!change.h.endsWith(sender)) return undefined;
    const stamps: Record<string, string> = {};
    for (const field of Object.keys(change.f)) stamps[field] = change.h;
    records.push({ table: change.t, id: change.id, fields: change.f, stamps });
  }
  return { sender, seen: stampsOf(file.seen), records };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The longest stamp SeenVector and SnapshotPart accept (vault-files.ts `Stamp`). */
const MAX_STAMP_LENGTH = 64;

/**
 * The records of one decrypted snapshot part, or undefined if anything is off. As strict as the
 * `SnapshotPart` schema followed by the per-record checks below, in one pass and without copying:
 * at most RECORDS_PER_PART records, each with an entity table, a record id, plain objects of fields
 * and of stamps (every stamp a string of at most 64 characters), no reserved field names, and a
 * valid HLC stamp for every field: its own in `s`, or else the shared stamp `h` (which, when
 * present, must be a valid HLC stamp itself). Keys other than t, id, f and s are ignored, as zod strips them.
 * Stricter in one way: a `__proto__` key in fields or stamps, which zod silently dropped, refuses
 * the part (no device writes one).
 */
export function snapshotPartRecords(json: unknown): IncomingRecord[] | undefined {
  if (!isObject(json)) return undefined;
  const list = json.records;
  if (!Array.isArray(list) || list.length > RECORDS_PER_PART) return undefined;
  // Most fields of a record share one stamp: check each distinct stamp once.
  const valid = new Set<string>();
  const records: IncomingRecord[] = [];
  for (const record of list as unknown[]) {
    if (!isObject(record)) return undefined;
    const { t, id, f, h, s } = record;
    if (typeof t !== 'string' || typeof id !== 'string' || !isObject(f) || !isObject(s)) return undefined;
    if (!isEntityTable(t) || !ID_PATTERN.test(id)) return undefined;
    if (h !== undefined && (typeof h !== 'string' || !isHlc(h))) return undefined;
    for (const field in s) {
      if (!Object.hasOwn(s, field)) continue;
      const stamp = s[field];
      if (typeof stamp !== 'string' || stamp.length > MAX_STAMP_LENGTH || field === '__proto__') return undefined;
    }
    // With a shared stamp `h`, `s` lists only the fields stamped otherwise: spell every stamp out.
    const stamps: Record<string, string> = h === undefined ? (s as Record<string, string>) : {};
    for (const field in f) {
      if (!Object.hasOwn(f, field)) continue;
      if (NOT_FIELDS.has(field)) return undefined;
      const stamp = Object.hasOwn(s, field) ? (s[field] as string) : (h ?? '');
      if (!valid.has(stamp)) {
        if (!isHlc(stamp)) return undefined;
        valid.add(stamp);
      }
      if (h !== undefined) stamps[field] = stamp;
    }
    records.push({ table: t, id, fields: f, stamps });
  }
  return records;
}

/** A whole snapshot (manifest and checked parts) as one batch. */
export function snapshotBatch(
  sender: string,
  manifest: SnapshotManifest,
  parts: readonly (readonly IncomingRecord[])[],
): RemoteBatch {
  return { sender, seen: stampsOf(manifest.seen), records: parts.flat() };
}

/** The newest stamp in a batch, per device. */
export function newestStampsOf(batch: RemoteBatch): Record<string, string> {
  const newest: Record<string, string> = {};
  for (const record of batch.records) {
    for (const stamp of Object.values(record.stamps)) {
      const device = stamp.slice(-16);
      if (stamp > (newest[device] ?? '')) newest[device] = stamp;
    }
  }
  return newest;
}
