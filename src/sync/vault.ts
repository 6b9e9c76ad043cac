/** Opening a vault: read its header and check the passphrase, or create the header in an empty vault. */
import { AppError } from '../domain/errors';
import {
  createVault,
  encodeVaultHeader,
  parseVaultHeader,
  unlockVault,
  type KdfChoice,
  type UnlockedVault,
} from './crypto';
import type { VaultTransport } from './transport';
import { HEADER_FILE } from './vault-files';

/** Unlocks the vault in this storage, or undefined when it holds no vault yet. Wrong passphrase: errors.vaultPassphrase. */
export async function openVault(transport: VaultTransport, passphrase: string): Promise<UnlockedVault | undefined> {
  const bytes = await transport.read(HEADER_FILE);
  if (!bytes) return undefined;
  return unlockVault(parseVaultHeader(bytes), passphrase);
}

/**
 * Makes a new vault here. If another device created one at the same moment, its header wins and is
 * opened with the same passphrase instead.
 */
export async function createVaultIn(
  transport: VaultTransport,
  passphrase: string,
  kdf: KdfChoice = { name: 'argon2id' },
): Promise<UnlockedVault> {
  if (passphrase.length < 8)
    throw new AppError('errors.invalidInput', 'a vault passphrase needs at least 8 characters');
  const { header, vault } = await createVault(passphrase, kdf);
  const outcome = await transport.writeNew(HEADER_FILE, encodeVaultHeader(header));
  if (outcome === 'written') return vault;
  const existing = await openVault(transport, passphrase);
  if (!existing) throw new AppError('errors.vaultUnreachable', 'the vault header vanished after a concurrent create');
  return existing;
}
