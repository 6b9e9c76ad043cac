/**
 * Asks the browser to keep this origin's IndexedDB under storage pressure (persistent storage),
 * so dossiers are not evicted silently. Chromium decides without prompting; Electron grants it.
 */
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

export async function requestPersistentStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<Persistence> {
  if (!storage?.persisted || !storage.persist) return 'unknown';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'best-effort';
  } catch (error) {
    // Some embedded browsers throw instead of answering; the data is then best-effort as before.
    console.warn('persistent storage request failed', error);
    return 'unknown';
  }
}

let asked: Promise<Persistence> | undefined;

/** The app's one request per start: later callers (Settings) get the same answer, not a new request. */
export function persistentStorage(): Promise<Persistence> {
  asked ??= requestPersistentStorage();
  return asked;
}
