/** Turns decrypted vault files into batches for the db layer, refusing entries that cannot be ours. */
import type { IncomingRecord, RemoteBatch } from '../db/apply-remote';
import { isEntityTable } from '../domain/entities';
import { isHlc } from '../domain/hlc';
import { ID_PATTERN } from '../domain/ids';
import { stampsOf } from './sync-state';
import type { ChangeFile, SnapshotManifest, SnapshotPart } from './vault-files';

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

/** A whole snapshot (manifest and parts) as one batch, or undefined if a record is malformed. */
export function snapshotBatch(
  sender: string,
  manifest: SnapshotManifest,
  parts: readonly SnapshotPart[],
): RemoteBatch | undefined {
  const records: IncomingRecord[] = [];
  for (const part of parts) {
    for (const record of part.records) {
      if (!isEntityTable(record.t) || !ID_PATTERN.test(record.id) || !fieldsOk(record.f)) return undefined;
      const fieldNames = Object.keys(record.f);
      if (fieldNames.some((field) => !isHlc(record.s[field] ?? ''))) return undefined;
      records.push({ table: record.t, id: record.id, fields: record.f, stamps: record.s });
    }
  }
  return { sender, seen: stampsOf(manifest.seen), records };
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
