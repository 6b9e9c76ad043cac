/**
 * The vault's end-to-end encryption: a random vault key wrapped by a passphrase-derived key
 * (Argon2id or PBKDF2-SHA256) in `vault.json`, and every other file sealed with AES-256-GCM under
 * a fresh IV with the file's identity as associated data. See docs/sync.md, "Crypto".
 */
import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { AppError } from '../domain/errors';

export const VAULT_FORMAT = 'mission-dossier-vault';
export const FILE_VERSION = 1;
const MAGIC = new TextEncoder().encode('MDV1');
const IV_BYTES = 12;

/** Minimums from the issue (OWASP's Argon2id and PBKDF2 figures) and maximums against a hostile header. */
export const KDF_LIMITS = {
  argon2MinMemoryKiB: 19 * 1024,
  argon2MaxMemoryKiB: 1024 * 1024,
  argon2MinIterations: 2,
  argon2MaxIterations: 32,
  pbkdf2MinIterations: 600_000,
  pbkdf2MaxIterations: 10_000_000,
} as const;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const Argon2Params = z.object({
  name: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int().min(1).max(16),
  salt: Base64,
});
const Pbkdf2Params = z.object({ name: z.literal('pbkdf2-sha256'), iterations: z.number().int(), salt: Base64 });
export const KdfParams = z.discriminatedUnion('name', [Argon2Params, Pbkdf2Params]);
export type KdfParams = z.infer<typeof KdfParams>;

export const VaultHeader = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(1),
  vaultId: z.uuid(),
  createdAt: z.string(),
  kdf: KdfParams,
  wrappedKey: z.object({ iv: Base64, data: Base64 }),
});
export type VaultHeader = z.infer<typeof VaultHeader>;

/** What sync needs once the passphrase has been checked: the vault's id and its (non-extractable) key. */
export interface UnlockedVault {
  readonly vaultId: string;
  readonly key: CryptoKey;
}

/** The identity of one sealed file; it is authenticated with the content and must match the name. */
export interface FileIdentity {
  readonly vault: string;
  readonly device: string;
  readonly seq: number;
  readonly kind: 'changes' | 'manifest' | 'part';
  readonly part: number;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return bytes;
}

function refuseWeak(kdf: KdfParams): void {
  const weak =
    kdf.name === 'argon2id'
      ? kdf.memoryKiB < KDF_LIMITS.argon2MinMemoryKiB ||
        kdf.memoryKiB > KDF_LIMITS.argon2MaxMemoryKiB ||
        kdf.iterations < KDF_LIMITS.argon2MinIterations ||
        kdf.iterations > KDF_LIMITS.argon2MaxIterations
      : kdf.iterations < KDF_LIMITS.pbkdf2MinIterations || kdf.iterations > KDF_LIMITS.pbkdf2MaxIterations;
  if (weak || fromBase64(kdf.salt).length < 16) {
    throw new AppError('errors.vaultHeader', `vault key derivation parameters refused (${kdf.name})`);
  }
}

export async function deriveWrappingKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  refuseWeak(kdf);
  const salt = fromBase64(kdf.salt);
  let raw: Uint8Array<ArrayBuffer>;
  if (kdf.name === 'argon2id') {
    const derived = await argon2id({
      password: passphrase,
      salt,
      parallelism: kdf.parallelism,
      iterations: kdf.iterations,
      memorySize: kdf.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    raw = new Uint8Array(derived);
  } else {
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations },
      base,
      256,
    );
    raw = new Uint8Array(bits);
  }
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** The wrap's associated data: editing the vault id or the parameters breaks the wrap. */
function wrapContext(vaultId: string, kdf: KdfParams): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify([VAULT_FORMAT, 1, vaultId, kdf]));
}

export type KdfChoice =
  { name: 'argon2id'; memoryKiB?: number; iterations?: number } | { name: 'pbkdf2-sha256'; iterations?: number };

/** The derivation parameters of a choice, at least the minimums, with a fresh random salt. */
export function kdfParamsFor(choice: KdfChoice): KdfParams {
  const salt = toBase64(randomBytes(16));
  return choice.name === 'argon2id'
    ? {
        name: 'argon2id',
        memoryKiB: choice.memoryKiB ?? KDF_LIMITS.argon2MinMemoryKiB,
        iterations: choice.iterations ?? KDF_LIMITS.argon2MinIterations,
        parallelism: 1,
        salt,
      }
    : { name: 'pbkdf2-sha256', iterations: choice.iterations ?? KDF_LIMITS.pbkdf2MinIterations, salt };
}

/** Creates a new vault: a random key, wrapped by the passphrase. Returns the header to write and the unlocked vault. */
export async function createVault(
  passphrase: string,
  choice: KdfChoice = { name: 'argon2id' },
  now: Date = new Date(),
): Promise<{ header: VaultHeader; vault: UnlockedVault }> {
  const kdf = kdfParamsFor(choice);
  const vaultId = crypto.randomUUID();
  const wrapping = await deriveWrappingKey(passphrase, kdf);
  const rawKey = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapContext(vaultId, kdf) },
    wrapping,
    rawKey,
  );
  const key = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt', 'decrypt']);
  rawKey.fill(0);
  const header: VaultHeader = {
    format: VAULT_FORMAT,
    version: 1,
    vaultId,
    createdAt: now.toISOString(),
    kdf,
    wrappedKey: { iv: toBase64(iv), data: toBase64(new Uint8Array(wrapped)) },
  };
  return { header, vault: { vaultId, key } };
}

export function parseVaultHeader(bytes: Uint8Array): VaultHeader {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new AppError('errors.vaultHeader', `vault.json is not JSON: ${String(error)}`);
  }
  const parsed = VaultHeader.safeParse(json);
  if (!parsed.success) throw new AppError('errors.vaultHeader', 'vault.json is not a vault header');
  return parsed.data;
}

export function encodeVaultHeader(header: VaultHeader): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${JSON.stringify(header, null, 2)}\n`);
}

/** Checks the passphrase against the header; a wrong one is `errors.vaultPassphrase`. */
export async function unlockVault(header: VaultHeader, passphrase: string): Promise<UnlockedVault> {
  const wrapping = await deriveWrappingKey(passphrase, header.kdf);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: fromBase64(header.wrappedKey.iv),
          additionalData: wrapContext(header.vaultId, header.kdf),
        },
        wrapping,
        fromBase64(header.wrappedKey.data),
      ),
    );
  } catch (error) {
    // AES-GCM cannot tell a wrong key from a changed header; both mean "this passphrase does not open it".
    throw new AppError('errors.vaultPassphrase', `vault key could not be unwrapped: ${String(error)}`);
  }
  if (raw.length !== 32) throw new AppError('errors.vaultHeader', 'wrapped vault key has the wrong length');
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  raw.fill(0);
  return { vaultId: header.vaultId, key };
}

function identityBytes(identity: FileIdentity): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    JSON.stringify({
      v: FILE_VERSION,
      vault: identity.vault,
      device: identity.device,
      seq: identity.seq,
      kind: identity.kind,
      part: identity.part,
    }),
  );
}

/** Encrypts one file: magic, identity length and identity (all authenticated), IV, ciphertext + tag. */
export async function sealFile(
  vault: UnlockedVault,
  identity: Omit<FileIdentity, 'vault'>,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const id = identityBytes({ ...identity, vault: vault.vaultId });
  if (id.length > 0xffff) throw new AppError('errors.unexpected', 'file identity too long');
  const head = new Uint8Array(MAGIC.length + 2 + id.length);
  head.set(MAGIC, 0);
  head[MAGIC.length] = id.length >> 8;
  head[MAGIC.length + 1] = id.length & 0xff;
  head.set(id, MAGIC.length + 2);
  const iv = randomBytes(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: head }, vault.key, plaintext),
  );
  const out = new Uint8Array(head.length + IV_BYTES + sealed.length);
  out.set(head, 0);
  out.set(iv, head.length);
  out.set(sealed, head.length + IV_BYTES);
  return out;
}

const IdentityJson = z.object({
  v: z.literal(FILE_VERSION),
  vault: z.string(),
  device: z.string(),
  seq: z.number().int(),
  kind: z.enum(['changes', 'manifest', 'part']),
  part: z.number().int(),
});

/**
 * Decrypts a sealed file, after checking that its identity is exactly the one expected from its
 * name and this vault. Anything else (tampered, truncated, renamed, from another vault) is
 * `errors.vaultDamaged`.
 */
export async function openFile(
  vault: UnlockedVault,
  expected: Omit<FileIdentity, 'vault'>,
  bytes: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const damaged = (why: string) =>
    new AppError('errors.vaultDamaged', `vault file ${expected.device}/${expected.seq}: ${why}`);
  if (bytes.length < MAGIC.length + 2 + IV_BYTES + 16 || MAGIC.some((b, i) => bytes[i] !== b))
    throw damaged('no header');
  const idLength = ((bytes[MAGIC.length] ?? 0) << 8) | (bytes[MAGIC.length + 1] ?? 0);
  const headLength = MAGIC.length + 2 + idLength;
  if (bytes.length < headLength + IV_BYTES + 16) throw damaged('truncated');
  let identity: z.infer<typeof IdentityJson>;
  try {
    identity = IdentityJson.parse(JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 2, headLength))));
  } catch (error) {
    throw damaged(`unreadable identity (${String(error)})`);
  }
  if (
    identity.vault !== vault.vaultId ||
    identity.device !== expected.device ||
    identity.seq !== expected.seq ||
    identity.kind !== expected.kind ||
    identity.part !== expected.part
  ) {
    throw damaged('identity does not match the file name or this vault');
  }
  const head = bytes.slice(0, headLength);
  const iv = bytes.slice(headLength, headLength + IV_BYTES);
  const body = bytes.slice(headLength + IV_BYTES);
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: head }, vault.key, body));
  } catch (error) {
    throw damaged(`authentication failed (${String(error)})`);
  }
}

/** The first 16 hex digits of SHA-256 over the bytes: the content-derived part of a file name. */
export async function contentHash(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}
