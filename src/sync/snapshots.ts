/**
 * Snapshots: every record of every entity table with its stamps, in sealed parts and a manifest
 * written last, so a new device joins without replaying every change file.
 */
import type { IncomingRecord, RemoteBatch } from '../db/apply-remote';
import type { MissionDb } from '../db/database';
import { ENTITY_TABLES } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import type { UnlockedVault } from './crypto';
import { snapshotBatch, snapshotPartRecords } from './incoming';
import { stampsOf } from './sync-state';
import type { VaultTransport } from './transport';
import {
  parseFileName,
  readSealed,
  RECORDS_PER_PART,
  SnapshotManifest,
  SNAPSHOTS_FOLDER,
  type ReadOutcome,
  type SnapshotPart,
  writeSealed,
  type SeenVector,
  type VaultFileName,
} from './vault-files';

type SnapshotRecord = SnapshotPart['records'][number];

/**
 * A record's stamps as a part carries them: `h`, the stamp most of its fields share, and in `s`
 * only the fields stamped otherwise. Most records were written at once, so this halves a part.
 */
export function compactStamps(stamps: Record<string, string>): { h?: string; s: Record<string, string> } {
  const counts = new Map<string, number>();
  let shared = '';
  let most = 0;
  for (const stamp of Object.values(stamps)) {
    const count = (counts.get(stamp) ?? 0) + 1;
    counts.set(stamp, count);
    if (count > most) [shared, most] = [stamp, count];
  }
  if (most < 2) return { s: stamps };
  const s: Record<string, string> = {};
  for (const [field, stamp] of Object.entries(stamps)) if (stamp !== shared) s[field] = stamp;
  return { h: shared, s };
}

/** Writes a snapshot of this device's database under its last file sequence; returns the manifest name. */
export async function writeSnapshot(
  db: MissionDb,
  transport: VaultTransport,
  vault: UnlockedVault,
  device: string,
  seq: number,
  seen: SeenVector,
): Promise<string> {
  const records: SnapshotRecord[] = await db.transaction(
    'r',
    ENTITY_TABLES.map((t) => db.table(t)),
    async () => {
      const all: SnapshotRecord[] = [];
      for (const table of ENTITY_TABLES) {
        const rows = (await db.table(table).toArray()) as (Record<string, unknown> & {
          id: string;
          deleted: number;
          stamps: Record<string, string>;
        })[];
        for (const row of rows) {
          all.push({
            t: table,
            id: row.id,
            f: { ...userFieldsOf(row), deleted: row.deleted },
            ...compactStamps(row.stamps),
          });
        }
      }
      return all;
    },
  );
  const parts: string[] = [];
  for (let start = 0, part = 0; start < records.length || part === 0; start += RECORDS_PER_PART, part++) {
    const slice = records.slice(start, start + RECORDS_PER_PART);
    parts.push(
      await writeSealed(transport, vault, SNAPSHOTS_FOLDER, { device, seq, kind: 'part', part }, { records: slice }),
    );
  }
  const manifest: SnapshotManifest = { seen, records: records.length, parts };
  return writeSealed(transport, vault, SNAPSHOTS_FOLDER, { device, seq, kind: 'manifest', part: 0 }, manifest);
}

export interface LoadedSnapshot {
  readonly sender: string;
  readonly seen: SeenVector;
  readonly batch: RemoteBatch;
}

/** How much a snapshot covers: the sum of the file sequences it has seen. */
function coverage(file: VaultFileName, listed: ReadonlyMap<string, SeenVector>): number {
  const seen = listed.get(file.name);
  return seen ? Object.values(seen).reduce((sum, entry) => sum + entry.seq, 0) : file.seq;
}

export interface SnapshotCandidate {
  readonly file: VaultFileName;
  readonly manifest: SnapshotManifest;
}

/** The authentic manifests by other devices, best (most coverage) first. */
export async function snapshotCandidates(
  transport: VaultTransport,
  vault: UnlockedVault,
  manifests: readonly VaultFileName[],
  me: string,
  damaged: string[],
): Promise<SnapshotCandidate[]> {
  const read = new Map<string, SeenVector>();
  const candidates: SnapshotCandidate[] = [];
  for (const file of manifests) {
    if (file.device === me) continue;
    const outcome = await readSealed(transport, vault, SNAPSHOTS_FOLDER, file, SnapshotManifest);
    if (!outcome.ok) {
      if (outcome.reason === 'damaged') damaged.push(outcome.detail);
      continue;
    }
    read.set(file.name, outcome.value.seen);
    candidates.push({ file, manifest: outcome.value });
  }
  return candidates.sort((a, b) => coverage(b.file, read) - coverage(a.file, read));
}

/** One snapshot read whole (all parts checked), or undefined if a part is missing or damaged (reported). */
export async function readSnapshot(
  transport: VaultTransport,
  vault: UnlockedVault,
  { file, manifest }: SnapshotCandidate,
  damaged: string[],
): Promise<LoadedSnapshot | undefined> {
  const parts = await readParts(transport, vault, file, manifest, damaged);
  return parts
    ? { sender: file.device, seen: manifest.seen, batch: snapshotBatch(file.device, manifest, parts) }
    : undefined;
}

/**
 * The newest complete, authentic snapshot by another device, or undefined. A manifest whose parts
 * are missing or damaged is passed over for the next best.
 */
export async function loadBestSnapshot(
  transport: VaultTransport,
  vault: UnlockedVault,
  manifests: readonly VaultFileName[],
  me: string,
  damaged: string[],
): Promise<LoadedSnapshot | undefined> {
  for (const candidate of await snapshotCandidates(transport, vault, manifests, me, damaged)) {
    const snapshot = await readSnapshot(transport, vault, candidate, damaged);
    if (snapshot) return snapshot;
  }
  return undefined;
}

/** A part of a streamed snapshot that could not be used: the join's transaction is aborted. */
export class SnapshotPartFailed extends Error {
  constructor(readonly outcome: { reason: 'missing' | 'damaged'; detail: string }) {
    super(`snapshot part unusable: ${outcome.detail}`);
    this.name = 'SnapshotPartFailed';
  }
}

/**
 * A snapshot's parts as batches, one at a time and in order, with up to PARTS_IN_FLIGHT read
 * ahead. A part that cannot be used (or a part name that does not belong) throws SnapshotPartFailed.
 */
export function snapshotPartSource(
  transport: VaultTransport,
  vault: UnlockedVault,
  { file, manifest }: SnapshotCandidate,
): () => Promise<RemoteBatch | undefined> {
  const files: VaultFileName[] = [];
  let misnamed: string | undefined;
  for (const [index, name] of manifest.parts.entries()) {
    const partFile = parseFileName(name);
    if (
      !partFile ||
      partFile.kind !== 'part' ||
      partFile.device !== file.device ||
      partFile.seq !== file.seq ||
      partFile.part !== index
    ) {
      misnamed = `${file.name}: part ${index} misnamed`;
      break;
    }
    files.push(partFile);
  }
  const seen = stampsOf(manifest.seen);
  const reads: Promise<ReadOutcome<IncomingRecord[]>>[] = [];
  const start = (index: number) => {
    const partFile = files[index];
    if (!partFile || reads[index] !== undefined) return;
    const read = readSealed(transport, vault, SNAPSHOTS_FOLDER, partFile, snapshotPartRecords);
    // A read ahead whose turn never comes (an earlier part failed) must not be an unhandled rejection.
    read.catch(() => undefined);
    reads[index] = read;
  };
  let next = 0;
  return async () => {
    if (misnamed !== undefined) throw new SnapshotPartFailed({ reason: 'damaged', detail: misnamed });
    if (next >= files.length) return undefined;
    const index = next++;
    for (let ahead = index; ahead < index + PARTS_IN_FLIGHT; ahead++) start(ahead);
    const outcome = await (reads[index] as Promise<ReadOutcome<IncomingRecord[]>>);
    if (!outcome.ok) throw new SnapshotPartFailed(outcome);
    return { sender: file.device, seen, records: outcome.value };
  };
}

/** Parts read, verified, decrypted and checked at once: the digest and the decryption run off the main thread. */
const PARTS_IN_FLIGHT = 6;

/**
 * All parts of one manifest, checked, in order; or undefined (the first missing or damaged part is
 * reported) so the caller passes over to the next best snapshot.
 */
async function readParts(
  transport: VaultTransport,
  vault: UnlockedVault,
  manifestFile: VaultFileName,
  manifest: SnapshotManifest,
  damaged: string[],
): Promise<IncomingRecord[][] | undefined> {
  const files: VaultFileName[] = [];
  for (const [index, name] of manifest.parts.entries()) {
    const partFile = parseFileName(name);
    if (
      !partFile ||
      partFile.kind !== 'part' ||
      partFile.device !== manifestFile.device ||
      partFile.seq !== manifestFile.seq ||
      partFile.part !== index
    )
      return undefined;
    files.push(partFile);
  }
  const outcomes: ReadOutcome<IncomingRecord[]>[] = new Array(files.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    // Once a part has failed the snapshot is passed over: read no further.
    while (!failed && next < files.length) {
      const index = next++;
      const outcome = await readSealed(
        transport,
        vault,
        SNAPSHOTS_FOLDER,
        files[index] as VaultFileName,
        snapshotPartRecords,
      );
      outcomes[index] = outcome;
      if (!outcome.ok) failed = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, files.length) }, worker));
  const parts: IncomingRecord[][] = [];
  for (const outcome of outcomes) {
    // A gap: a part after a failed one was never read; the failure is reported below.
    if (!outcome) return undefined;
    if (!outcome.ok) {
      if (outcome.reason === 'damaged') damaged.push(outcome.detail);
      return undefined;
    }
    parts.push(outcome.value);
  }
  return parts;
}
