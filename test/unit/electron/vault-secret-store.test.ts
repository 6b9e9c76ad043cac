/**
 * Remembered vaults: sealed with the OS keychain (a fake safeStorage that really transforms the
 * text), nothing written without it, and an unreadable or foreign file read as "not remembered".
 */
import { describe, expect, it, vi } from 'vitest';
import { createSecretStore, type SafeStorageLike, type SecretFile } from '../../../electron/main/vault/secret-store';
import type { VaultSpec } from '../../../electron/main/vault/types';

const ID = '0123456789abcdef0123456789abcdef';
const OTHER = 'fedcba9876543210fedcba9876543210';
const DAV: VaultSpec = {
  kind: 'webdav',
  url: 'https://cloud.example.nl/remote.php/dav/files/anna/vault/',
  username: 'anna',
  password: 'app-wachtwoord-Geheim-42',
};
const FOLDER: VaultSpec = { kind: 'folder', path: '/mnt/share/team-vault' };

/** A keychain stand-in: XOR with a key and a marker, so the stored text holds none of the plain text. */
function fakeSafeStorage(available = true, key = 0x5a): SafeStorageLike & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (text) => Buffer.concat([Buffer.from('v10'), Buffer.from(text, 'utf8').map((b) => b ^ key)]),
    decryptString: (sealed) => {
      if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext');
      return Buffer.from(sealed.subarray(3).map((b) => b ^ key)).toString('utf8');
    },
  };
}

function memoryFile(initial: string | null = null): SecretFile & { text: string | null; writes: number } {
  return {
    text: initial,
    writes: 0,
    async read() {
      return this.text;
    },
    async write(text) {
      this.text = text;
      this.writes += 1;
    },
  };
}

describe('secret store', () => {
  it('seals each vault with safeStorage and restores it; the file holds no secret in the clear', async () => {
    const file = memoryFile();
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file, log: () => undefined });
    await expect(store.remember(ID, DAV)).resolves.toBe('remembered');
    await expect(store.remember(OTHER, FOLDER)).resolves.toBe('remembered');
    expect(file.text).not.toContain('Geheim');
    expect(file.text).not.toContain('anna');
    expect(file.text).not.toContain('/mnt/share');
    await expect(store.restore(ID)).resolves.toEqual(DAV);
    await expect(store.restore(OTHER)).resolves.toEqual(FOLDER);
  });

  it('without OS encryption nothing is written and the answer is "unavailable"', async () => {
    const file = memoryFile();
    const store = createSecretStore({ safeStorage: fakeSafeStorage(false), file, log: () => undefined });
    await expect(store.remember(ID, DAV)).resolves.toBe('unavailable');
    expect(file.writes).toBe(0);
    expect(file.text).toBeNull();
    await expect(store.restore(ID)).resolves.toBeUndefined();
  });

  it.each([
    ['not JSON', '{"format": "mission-dossier-vault-sec'],
    ['another format', JSON.stringify({ format: 'something-else', version: 1, vaults: {} })],
    ['a newer version', JSON.stringify({ format: 'mission-dossier-vault-secrets', version: 2, vaults: {} })],
  ])('a file that is %s reads as "not remembered"', async (_label, text) => {
    const log = vi.fn();
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file: memoryFile(text), log });
    await expect(store.restore(ID)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalled();
  });

  it('a __proto__ entry in the file is dropped, not followed', async () => {
    const file = memoryFile('{"format":"mission-dossier-vault-secrets","version":1,"vaults":{"__proto__":{"x":1}}}');
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file });
    await expect(store.restore('__proto__')).resolves.toBeUndefined();
    await store.remember(ID, FOLDER);
    expect(Object.keys(JSON.parse(file.text ?? '{}').vaults)).toEqual([ID]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('an entry sealed by another account or keychain reads as "not remembered", and logs no secret', async () => {
    const file = memoryFile();
    await createSecretStore({ safeStorage: fakeSafeStorage(), file }).remember(ID, DAV);
    const log = vi.fn();
    const broken = fakeSafeStorage();
    broken.decryptString = () => {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    };
    await expect(createSecretStore({ safeStorage: broken, file, log }).restore(ID)).resolves.toBeUndefined();
    // A different key: the text unseals to garbage, not to a vault.
    await expect(
      createSecretStore({ safeStorage: fakeSafeStorage(true, 0x33), file, log }).restore(ID),
    ).resolves.toBeUndefined();
    expect(log.mock.calls.flat().join('\n')).not.toContain('Geheim');
  });

  it('forget removes one vault and keeps the others', async () => {
    const file = memoryFile();
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), file });
    await store.remember(ID, DAV);
    await store.remember(OTHER, FOLDER);
    await store.forget(ID);
    await expect(store.restore(ID)).resolves.toBeUndefined();
    await expect(store.restore(OTHER)).resolves.toEqual(FOLDER);
    const writes = file.writes;
    await store.forget(ID);
    expect(file.writes).toBe(writes);
  });
});
