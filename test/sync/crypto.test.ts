import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import {
  createVault,
  encodeVaultHeader,
  openFile,
  parseVaultHeader,
  sealFile,
  unlockVault,
  type VaultHeader,
} from '../../src/sync/crypto';

const text = (s: string) => new TextEncoder().encode(s);
const identity = { device: '0123456789abcdef', seq: 7, kind: 'changes', part: 0 } as const;

async function expectKey(promise: Promise<unknown>, key: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).key).toBe(key);
}

describe('vault crypto', () => {
  it('Argon2id: the right passphrase unlocks the vault key, a wrong one is errors.vaultPassphrase', async () => {
    const { header, vault } = await createVault('correct horse battery staple');
    expect(header.kdf).toMatchObject({ name: 'argon2id', memoryKiB: 19456, iterations: 2 });
    const reread = parseVaultHeader(encodeVaultHeader(header));
    const unlocked = await unlockVault(reread, 'correct horse battery staple');
    const sealed = await sealFile(vault, identity, text('hallo Taipei'));
    expect(new TextDecoder().decode(await openFile(unlocked, identity, sealed))).toBe('hallo Taipei');
    await expectKey(unlockVault(reread, 'Correct horse battery staple'), 'errors.vaultPassphrase');
  }, 20_000);

  it('PBKDF2-SHA256 with 600,000 iterations works the same way', async () => {
    const { header } = await createVault('team-wachtwoord', { name: 'pbkdf2-sha256' });
    expect(header.kdf).toMatchObject({ name: 'pbkdf2-sha256', iterations: 600_000 });
    await expect(unlockVault(header, 'team-wachtwoord')).resolves.toMatchObject({ vaultId: header.vaultId });
    await expectKey(unlockVault(header, 'wrong'), 'errors.vaultPassphrase');
  }, 20_000);

  it('a header asking for weaker (or absurd) parameters is refused before anything is derived', async () => {
    const { header } = await createVault('pw', { name: 'pbkdf2-sha256' });
    const weaker: VaultHeader[] = [
      { ...header, kdf: { ...header.kdf, iterations: 599_999 } },
      { ...header, kdf: { name: 'argon2id', memoryKiB: 19455, iterations: 2, parallelism: 1, salt: header.kdf.salt } },
      { ...header, kdf: { name: 'argon2id', memoryKiB: 19456, iterations: 1, parallelism: 1, salt: header.kdf.salt } },
      {
        ...header,
        kdf: { name: 'argon2id', memoryKiB: 4 * 1024 * 1024, iterations: 2, parallelism: 1, salt: header.kdf.salt },
      },
      { ...header, kdf: { ...header.kdf, salt: 'AAAA' } },
    ];
    for (const h of weaker) await expectKey(unlockVault(h, 'pw'), 'errors.vaultHeader');
    // Raising the parameters in the header (without re-wrapping) breaks the wrap: it is authenticated.
    const edited: VaultHeader = { ...header, kdf: { ...header.kdf, iterations: 600_001 } };
    await expectKey(unlockVault(edited, 'pw'), 'errors.vaultPassphrase');
    const otherId: VaultHeader = { ...header, vaultId: crypto.randomUUID() };
    await expectKey(unlockVault(otherId, 'pw'), 'errors.vaultPassphrase');
    expect(() => parseVaultHeader(text('{"format":"something else"}'))).toThrow(AppError);
    expect(() => parseVaultHeader(text('not json'))).toThrow(AppError);
  }, 20_000);

  it('refuses tampered ciphertext, a swapped identity, another vault and truncation', async () => {
    const { vault } = await createVault('pw', { name: 'pbkdf2-sha256' });
    const { vault: other } = await createVault('pw', { name: 'pbkdf2-sha256' });
    const sealed = await sealFile(vault, identity, text('{"secret":"paspoort NL123"}'));
    expect(new TextDecoder().decode(sealed)).not.toContain('paspoort');
    // Every single flipped byte, header included, is caught.
    for (const index of [0, 5, 10, 30, sealed.length - 20, sealed.length - 1]) {
      const copy = sealed.slice();
      copy[index] = (copy[index] ?? 0) ^ 1;
      await expectKey(openFile(vault, identity, copy), 'errors.vaultDamaged');
    }
    // A file presented under another name (device, sequence, kind or part) is refused.
    await expectKey(openFile(vault, { ...identity, seq: 8 }, sealed), 'errors.vaultDamaged');
    await expectKey(openFile(vault, { ...identity, device: 'fedcba9876543210' }, sealed), 'errors.vaultDamaged');
    await expectKey(openFile(vault, { ...identity, kind: 'part' }, sealed), 'errors.vaultDamaged');
    // Swapping in the identity block of another file (same key) fails authentication.
    const second = await sealFile(vault, { ...identity, seq: 8 }, text('{"x":1}'));
    const headLength = 6 + (((second[4] ?? 0) << 8) | (second[5] ?? 0));
    const spliced = new Uint8Array([...second.subarray(0, headLength), ...sealed.subarray(headLength)]);
    await expectKey(openFile(vault, { ...identity, seq: 8 }, spliced), 'errors.vaultDamaged');
    await expectKey(openFile(other, identity, sealed), 'errors.vaultDamaged');
    await expectKey(openFile(vault, identity, sealed.subarray(0, sealed.length - 1)), 'errors.vaultDamaged');
    await expectKey(openFile(vault, identity, sealed.subarray(0, 10)), 'errors.vaultDamaged');
    // Two seals of the same content differ (fresh IV).
    const again = await sealFile(vault, identity, text('{"secret":"paspoort NL123"}'));
    expect(toHex(again)).not.toBe(toHex(sealed));
  }, 20_000);
});

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
