/**
 * Passphrase encryption of a dossier file, with the vault's key derivation and its minimums
 * (src/sync/crypto.ts): a random file key wrapped by the passphrase key, the dossier sealed with
 * AES-256-GCM under the file key. A wrong passphrase fails the wrap; a changed byte in the sealed
 * dossier fails its tag. The envelope is documented in docs/dossier-format.md, "Encrypted files".
 */
import { z } from 'zod';
import { decodeDossierBytes, guardDossierJson, holdToStringLimit, DOSSIER_LIMITS } from '../domain/dossier-guard';
import { AppError } from '../domain/errors';
import { deriveWrappingKey, fromBase64, kdfParamsFor, KdfParams, toBase64, type KdfChoice } from './crypto';

export const ENCRYPTED_DOSSIER_FORMAT = 'mission-dossier-encrypted';
const IV_BYTES = 12;

const Base64 = z
  .string()
  .max(Math.ceil((DOSSIER_LIMITS.maxBytes * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const EncryptedDossier = z.strictObject({
  format: z.literal(ENCRYPTED_DOSSIER_FORMAT),
  version: z.literal(1),
  kdf: KdfParams,
  wrappedKey: z.strictObject({ iv: Base64.max(32), data: Base64.max(128) }),
  iv: Base64.max(32),
  data: Base64,
});
export type EncryptedDossier = z.infer<typeof EncryptedDossier>;

/** What a picked file turned out to be, once it passed the guard. */
export type OpenedDossierFile =
  | { readonly kind: 'plain'; readonly value: unknown }
  | { readonly kind: 'encrypted'; readonly envelope: EncryptedDossier };

function random(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The wrap's and the seal's associated data: editing any header field breaks them. */
function context(...parts: unknown[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify([ENCRYPTED_DOSSIER_FORMAT, 1, ...parts]));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Guards the bytes and tells a plain dossier from an encrypted one (whose header is validated). */
export function readDossierBytes(bytes: Uint8Array): OpenedDossierFile {
  const guarded = guardDossierJson(decodeDossierBytes(bytes));
  if (isObject(guarded.value) && guarded.value.format === ENCRYPTED_DOSSIER_FORMAT) {
    const envelope = EncryptedDossier.safeParse(guarded.value);
    if (!envelope.success) throw new AppError('errors.dossierDamaged', 'the encrypted file header is not valid');
    return { kind: 'encrypted', envelope: envelope.data };
  }
  return { kind: 'plain', value: holdToStringLimit(guarded) };
}

async function passphraseKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  try {
    return await deriveWrappingKey(passphrase, kdf);
  } catch (error) {
    // Weak or absurd parameters are refused before anything is derived: someone made or changed this header.
    if (error instanceof AppError && error.key === 'errors.vaultHeader') {
      throw new AppError('errors.dossierDamaged', `key derivation parameters refused (${kdf.name})`);
    }
    if (error instanceof DOMException && error.name === 'InvalidCharacterError') {
      throw new AppError('errors.dossierDamaged', 'the salt is not base64');
    }
    throw error;
  }
}

/** Seals a dossier's text under a passphrase; the result is the envelope's JSON text. */
export async function encryptDossier(
  text: string,
  passphrase: string,
  choice: KdfChoice = { name: 'argon2id' },
): Promise<string> {
  const kdf = kdfParamsFor(choice);
  const wrapping = await passphraseKey(passphrase, kdf);
  const rawKey = random(32);
  const wrapIv = random(IV_BYTES);
  const wrapped = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: wrapIv, additionalData: context(kdf) }, wrapping, rawKey),
  );
  const fileKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['encrypt']);
  rawKey.fill(0);
  const wrappedKey = { iv: toBase64(wrapIv), data: toBase64(wrapped) };
  const iv = random(IV_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: context(kdf, wrappedKey) },
      fileKey,
      new TextEncoder().encode(text),
    ),
  );
  const envelope: EncryptedDossier = {
    format: ENCRYPTED_DOSSIER_FORMAT,
    version: 1,
    kdf,
    wrappedKey,
    iv: toBase64(iv),
    data: toBase64(sealed),
  };
  return `${JSON.stringify(envelope)}\n`;
}

/**
 * Opens an envelope: a wrong passphrase is `errors.dossierPassphrase`, a changed or cut sealed
 * dossier `errors.dossierDamaged`. The plaintext goes through the same guard as a plain file.
 */
export async function decryptDossier(envelope: EncryptedDossier, passphrase: string): Promise<unknown> {
  const wrapping = await passphraseKey(passphrase, envelope.kdf);
  let rawKey: Uint8Array<ArrayBuffer>;
  try {
    rawKey = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(envelope.wrappedKey.iv), additionalData: context(envelope.kdf) },
        wrapping,
        fromBase64(envelope.wrappedKey.data),
      ),
    );
  } catch (error) {
    // As with the vault: a wrong key and a changed header look the same to AES-GCM.
    throw new AppError('errors.dossierPassphrase', `file key could not be unwrapped: ${String(error)}`);
  }
  if (rawKey.length !== 32) throw new AppError('errors.dossierDamaged', 'the wrapped file key has the wrong length');
  const fileKey = await crypto.subtle.importKey('raw', rawKey, 'AES-GCM', false, ['decrypt']);
  rawKey.fill(0);
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: fromBase64(envelope.iv),
          additionalData: context(envelope.kdf, envelope.wrappedKey),
        },
        fileKey,
        fromBase64(envelope.data),
      ),
    );
  } catch (error) {
    throw new AppError('errors.dossierDamaged', `the sealed dossier failed its check: ${String(error)}`);
  }
  const inner = readDossierBytes(plain);
  if (inner.kind === 'encrypted')
    throw new AppError('errors.notADossier', 'an encrypted file inside an encrypted file');
  return inner.value;
}
