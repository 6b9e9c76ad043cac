/**
 * Snapshots: every record of every entity table with its stamps, in sealed parts and a manifest
 * written last, so a new device joins without replaying every change file.
 */
import type { RemoteBatch } from '../db/apply-remote';
import type { MissionDb } from '../db/database';
import { ENTITY_TABLES } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import type { UnlockedVault } from './crypto';
import { snapshotBatch } from './incoming';
import type { VaultTransport } from './transport';
import {
  parseFileName,
  readSealed,
  RECORDS_PER_PART,
  SnapshotManifest,
  SnapshotPart,
  SNAPSHOTS_FOLDER,
  writeSealed,
  type SeenVector,
  type VaultFileName,
} from './vault-files';

type SnapshotRecord = SnapshotPart['records'][number];

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
          all.push({ t: table, id: row.id, f: { ...userFieldsOf(row), deleted: row.deleted }, s: row.stamps });
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
  const read = new Map<string, SeenVector>();
  const candidates: { file: VaultFileName; manifest: SnapshotManifest }[] = [];
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
  candidates.sort((a, b) => coverage(b.file, read) - coverage(a.file, read));
  for (const { file, manifest } of candidates) {
    const parts: SnapshotPart[] = [];
    for (const [index, name] of manifest.parts.entries()) {
      const partFile = parseFileName(name);
      if (
        !partFile ||
        partFile.kind !== 'part' ||
        partFile.device !== file.device ||
        partFile.seq !== file.seq ||
        partFile.part !== index
      )
        break;
      const outcome = await readSealed(transport, vault, SNAPSHOTS_FOLDER, partFile, SnapshotPart);
      if (!outcome.ok) {
        if (outcome.reason === 'damaged') damaged.push(outcome.detail);
        break;
      }
      parts.push(outcome.value);
    }
    if (parts.length !== manifest.parts.length) continue;
    const batch = snapshotBatch(file.device, manifest, parts);
    if (!batch) {
      damaged.push(`${file.name}: malformed records`);
      continue;
    }
    return { sender: file.device, seen: manifest.seen, batch };
  }
  return undefined;
}
