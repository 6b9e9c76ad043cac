/**
 * Vaults remembered on this device: each vault's location and credentials (a folder's path; a
 * WebDAV address, user name and app password), sealed with the operating system's keychain through
 * Electron's `safeStorage`, in one file under userData. Nothing is written when the OS offers no
 * encryption (Linux without a keyring): then the user enters the details again after a restart.
 * Electron comes in as a parameter, so this is unit-tested in Node with a fake.
 */
import { z } from 'zod';
import type { VaultSpec } from './types';

/** The part of Electron's `safeStorage` used here; the real one fits it. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the sealed entries live: one small file, replaced atomically. */
export interface SecretFile {
  /** The file's text, or null when there is none yet. */
  read(): Promise<string | null>;
  write(text: string): Promise<void>;
}

export interface SecretStore {
  /** Seals and stores the vault's details; `unavailable` (and nothing written) without OS encryption. */
  remember(vaultId: string, spec: VaultSpec): Promise<'remembered' | 'unavailable'>;
  /** The remembered details, or undefined when there are none or they cannot be unsealed. */
  restore(vaultId: string): Promise<VaultSpec | undefined>;
  forget(vaultId: string): Promise<void>;
}

export const SECRET_FILE_NAME = 'vault-secrets.json';
const FORMAT = 'mission-dossier-vault-secrets';

const SecretsFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  /** vault id → base64 of safeStorage.encryptString(JSON of the VaultSpec) */
  vaults: z.record(z.string().regex(/^[0-9a-f]{32}$/), z.string().max(65_536)),
});
type SecretsFile = z.infer<typeof SecretsFile>;

const Spec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('folder'), path: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('webdav'),
    url: z.string().min(1),
    username: z.string().min(1),
    password: z.string().min(1),
  }),
]);

export function createSecretStore({
  safeStorage,
  file,
  log = (message) => console.warn(message),
}: {
  safeStorage: SafeStorageLike;
  file: SecretFile;
  log?: (message: string) => void;
}): SecretStore {
  async function load(): Promise<SecretsFile> {
    const empty: SecretsFile = { format: FORMAT, version: 1, vaults: {} };
    const text = await file.read();
    if (text === null) return empty;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      log(`remembered vaults file is not JSON; ignored: ${String(error)}`);
      return empty;
    }
    const parsed = SecretsFile.safeParse(json);
    if (!parsed.success) {
      log('remembered vaults file has an unknown shape; ignored');
      return empty;
    }
    return parsed.data;
  }

  async function save(contents: SecretsFile): Promise<void> {
    await file.write(`${JSON.stringify(contents, null, 2)}\n`);
  }

  return {
    async remember(vaultId, spec) {
      // Never a plaintext secret on disk: without the keychain there is nothing to remember with.
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      const sealed = safeStorage.encryptString(JSON.stringify(Spec.parse(spec))).toString('base64');
      const contents = await load();
      await save({ ...contents, vaults: { ...contents.vaults, [vaultId]: sealed } });
      return 'remembered';
    },

    async restore(vaultId) {
      const sealed = (await load()).vaults[vaultId];
      if (sealed === undefined) return undefined;
      if (!safeStorage.isEncryptionAvailable()) return undefined;
      try {
        const spec = Spec.safeParse(JSON.parse(safeStorage.decryptString(Buffer.from(sealed, 'base64'))));
        if (spec.success) return spec.data;
        log(`remembered vault ${vaultId} has an unknown shape; ignored`);
      } catch (error) {
        // Another OS account or a reset keychain: the entry cannot be opened any more.
        log(`remembered vault ${vaultId} could not be unsealed: ${String(error)}`);
      }
      return undefined;
    },

    async forget(vaultId) {
      const contents = await load();
      if (!(vaultId in contents.vaults)) return;
      const { [vaultId]: _dropped, ...rest } = contents.vaults;
      await save({ ...contents, vaults: rest });
    },
  };
}
