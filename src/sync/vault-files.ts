/**
 * The vault's file names and the JSON inside its sealed files (docs/sync.md, "Layout" and "What a
 * change file holds"): content-derived names, parsed and checked on the way in.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { contentHash, openFile, sealFile, type FileIdentity, type UnlockedVault } from './crypto';
import type { VaultTransport } from './transport';

export const CHANGES_FOLDER = 'changes';
export const SNAPSHOTS_FOLDER = 'snapshots';
export const HEADER_FILE = 'vault.json';
/** Rows per change file and records per snapshot part: small files, because some servers refuse uploads over 1 MiB. */
export const ROWS_PER_FILE = 500;
export const RECORDS_PER_PART = 2000;

export interface VaultFileName {
  readonly name: string;
  readonly device: string;
  readonly seq: number;
  readonly kind: FileIdentity['kind'];
  readonly part: number;
  readonly hash: string;
}

const NAME = /^([0-9a-f]{16})-(\d{10})(?:-(\d{4}))?-([0-9a-f]{16})\.(mdc|mds|mdp)$/;
const KIND_BY_EXTENSION = { mdc: 'changes', mds: 'manifest', mdp: 'part' } as const;
const EXTENSION_BY_KIND = { changes: 'mdc', manifest: 'mds', part: 'mdp' } as const;

/** Parses a vault file name; anything else in the folder (temporary files, "copy (1)" files) is not ours. */
export function parseFileName(name: string): VaultFileName | undefined {
  const match = NAME.exec(name);
  if (!match?.[1] || !match[2] || !match[4] || !match[5]) return undefined;
  const kind = KIND_BY_EXTENSION[match[5] as keyof typeof KIND_BY_EXTENSION];
  const part = match[3] === undefined ? 0 : Number(match[3]);
  if ((kind === 'part') !== (match[3] !== undefined)) return undefined;
  return { name, device: match[1], seq: Number(match[2]), kind, part, hash: match[4] };
}

export function fileName(identity: Omit<FileIdentity, 'vault'>, hash: string): string {
  const seq = String(identity.seq).padStart(10, '0');
  const part = identity.kind === 'part' ? `-${String(identity.part).padStart(4, '0')}` : '';
  return `${identity.device}-${seq}${part}-${hash}.${EXTENSION_BY_KIND[identity.kind]}`;
}

const Device = z.string().regex(/^[0-9a-f]{16}$/);
const Stamp = z.string().max(64);
/** Per device: the last file sequence applied and the highest stamp of that device known. */
export const SeenVector = z.record(Device, z.object({ seq: z.number().int().min(0), stamp: Stamp }));
export type SeenVector = z.infer<typeof SeenVector>;

const FieldValues = z.record(z.string(), z.unknown());

export const ChangeFile = z.object({
  seen: SeenVector,
  fromLog: z.number().int().min(0),
  toLog: z.number().int().min(0),
  changes: z.array(z.object({ t: z.string(), id: z.string(), h: Stamp, f: FieldValues })).max(ROWS_PER_FILE),
});
export type ChangeFile = z.infer<typeof ChangeFile>;

export const SnapshotManifest = z.object({
  seen: SeenVector,
  records: z.number().int().min(0),
  parts: z.array(z.string()).max(10_000),
});
export type SnapshotManifest = z.infer<typeof SnapshotManifest>;

/**
 * A snapshot part as written. The reader checks parts with `snapshotPartRecords` (incoming.ts), a
 * hand-written check as strict as this schema plus `snapshotBatch`'s checks, in one pass: zod per
 * record was a large share of a join's time.
 */
export const SnapshotPart = z.object({
  records: z
    .array(
      z.object({
        t: z.string(),
        id: z.string(),
        f: FieldValues,
        /** The stamp of every field not listed in `s` (optional: parts without it list every field in `s`). */
        h: Stamp.optional(),
        s: z.record(z.string(), Stamp),
      }),
    )
    .max(RECORDS_PER_PART),
});
export type SnapshotPart = z.infer<typeof SnapshotPart>;

/** Seals a JSON value and writes it under its content-derived name; returns the name. */
export async function writeSealed(
  transport: VaultTransport,
  vault: UnlockedVault,
  folder: string,
  identity: Omit<FileIdentity, 'vault'>,
  value: unknown,
): Promise<string> {
  const sealed = await sealFile(vault, identity, new TextEncoder().encode(JSON.stringify(value)));
  const name = fileName(identity, await contentHash(sealed));
  await transport.writeNew(`${folder}/${name}`, sealed);
  return name;
}

/** A hand-written check of decrypted JSON, for contents where a zod schema per record is costly: the value, or undefined. */
export type ContentCheck<T> = (json: unknown) => T | undefined;

const decoder = new TextDecoder();

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'missing' | 'damaged'; detail: string };

/**
 * Reads, verifies (name hash, identity, authentication tag) and parses one sealed file. Missing
 * and damaged are values: the caller stops at that device and tries again next time.
 */
export async function readSealed<T>(
  transport: VaultTransport,
  vault: UnlockedVault,
  folder: string,
  file: VaultFileName,
  schema: z.ZodType<T> | ContentCheck<T>,
): Promise<ReadOutcome<T>> {
  const bytes = await transport.read(`${folder}/${file.name}`);
  if (!bytes) return { ok: false, reason: 'missing', detail: file.name };
  // A short body (dropped connection, a copy still arriving) does not hash to its name.
  if ((await contentHash(bytes)) !== file.hash)
    return { ok: false, reason: 'missing', detail: `${file.name} incomplete` };
  let plaintext: Uint8Array;
  try {
    plaintext = await openFile(vault, { device: file.device, seq: file.seq, kind: file.kind, part: file.part }, bytes);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, reason: 'damaged', detail: `${file.name}: ${error.message}` };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(plaintext));
  } catch (error) {
    return { ok: false, reason: 'damaged', detail: `${file.name}: not JSON (${String(error)})` };
  }
  if (typeof schema === 'function') {
    const value = schema(json);
    if (value === undefined) return { ok: false, reason: 'damaged', detail: `${file.name}: unexpected content` };
    return { ok: true, value };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'damaged', detail: `${file.name}: unexpected content` };
  return { ok: true, value: parsed.data };
}
