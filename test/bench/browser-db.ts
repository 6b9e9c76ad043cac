/**
 * Raw IndexedDB access from inside the page, for seeding and checking the benchmark database.
 * The functions passed to page.evaluate run in the browser: they must not use anything from this
 * module's scope, and they declare no named inner functions (tsx would wrap those in a helper
 * that does not exist in the page).
 */
import type { Page } from '@playwright/test';
import { DATABASE_NAME } from '../../src/db/schema';
import type { Organisation } from '../../src/domain/entities';
import type { HlcState } from '../../src/domain/hlc';
import type { SeedChangeRow } from './seed-organisations';

export interface SeedChunk {
  readonly records: readonly Organisation[];
  readonly changes: readonly SeedChangeRow[];
  /** Written with the last chunk: the clock the write path keeps in meta under 'clock'. */
  readonly clock: HlcState | null;
}

export interface RowCounts {
  readonly version: number;
  readonly organisations: number;
  /** Through the index the list screens use: [deleted+sortKey] with deleted = 0. */
  readonly liveOrganisations: number;
  readonly changes: number;
  readonly missions: number;
}

/**
 * Writes one chunk in a single read-write transaction over organisations, changes and meta;
 * returns the milliseconds spent inside the page (open + transaction).
 */
export async function putChunk(page: Page, chunk: SeedChunk): Promise<number> {
  return page.evaluate(
    async ({ name, json }) => {
      const started = performance.now();
      const chunk = JSON.parse(json) as { records: unknown[]; changes: unknown[]; clock: unknown };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        // No version: open the database the app has already created, at its current version.
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        request.onblocked = () => reject(new Error('indexedDB.open blocked'));
      });
      try {
        for (const store of ['organisations', 'changes', 'meta']) {
          if (!db.objectStoreNames.contains(store))
            throw new Error(`store ${store} missing: did the app create the database?`);
        }
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['organisations', 'changes', 'meta'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('seed transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'));
          const organisations = tx.objectStore('organisations');
          for (const record of chunk.records) organisations.put(record);
          // '++seq': the key is generated, in order, as the write path's db.changes.add does.
          const changes = tx.objectStore('changes');
          for (const change of chunk.changes) changes.add(change);
          if (chunk.clock) tx.objectStore('meta').put({ key: 'clock', value: chunk.clock });
        });
      } finally {
        db.close();
      }
      return performance.now() - started;
    },
    // One string, not a tree of objects: Playwright's argument serialisation is slow for 10^4 objects.
    { name: DATABASE_NAME, json: JSON.stringify(chunk) },
  );
}

export async function countRows(page: Page): Promise<RowCounts> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
      request.onblocked = () => reject(new Error('indexedDB.open blocked'));
    });
    try {
      const tx = db.transaction(['organisations', 'changes', 'missions'], 'readonly');
      const requests = [
        tx.objectStore('organisations').count(),
        tx
          .objectStore('organisations')
          .index('[deleted+sortKey]')
          .count(IDBKeyRange.bound([0], [0, []])),
        tx.objectStore('changes').count(),
        tx.objectStore('missions').count(),
      ];
      const [organisations, liveOrganisations, changes, missions] = await Promise.all(
        requests.map(
          (request) =>
            new Promise<number>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error ?? new Error('count failed'));
            }),
        ),
      );
      return {
        version: db.version,
        organisations: organisations ?? -1,
        liveOrganisations: liveOrganisations ?? -1,
        changes: changes ?? -1,
        missions: missions ?? -1,
      };
    } finally {
      db.close();
    }
  }, DATABASE_NAME);
}
