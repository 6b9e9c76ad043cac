import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../../src/platform/storage';

function manager(persisted: boolean, granted: boolean) {
  return { persisted: vi.fn(async () => persisted), persist: vi.fn(async () => granted) } as unknown as StorageManager;
}

describe('persistent storage', () => {
  it('asks only when not yet persistent, and reports what the browser decided', async () => {
    const already = manager(true, false);
    expect(await requestPersistentStorage(already)).toBe('persistent');
    expect(already.persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage(manager(false, true))).toBe('persistent');
    expect(await requestPersistentStorage(manager(false, false))).toBe('best-effort');
  });

  it('says unknown where the API is missing or throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unknown');
    const broken = {
      persisted: () => Promise.reject(new Error('not allowed')),
      persist: vi.fn(),
    } as unknown as StorageManager;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await requestPersistentStorage(broken)).toBe('unknown');
  });
});
