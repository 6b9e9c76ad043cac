/**
 * What the app saved of its search index, read from the page: the `meta` row's bytes when the
 * index is kept in the row, and the size of the index file in the origin-private file system when
 * the row names one. Both 0 while nothing is saved. Used by the end-to-end test and the benchmark.
 */
import type { Page } from '@playwright/test';
import { DATABASE_NAME } from '../../src/db/schema';
import { indexFileName } from '../../src/features/search/index-file';

export interface SavedIndexSize {
  /** Bytes of an index kept in the `meta` row. */
  readonly inRow: number;
  /** Bytes of the index file the row names. */
  readonly inFile: number;
}

export function savedIndexSize(page: Page): Promise<SavedIndexSize> {
  return page.evaluate(
    ({ name, fileName }) =>
      new Promise<SavedIndexSize>((resolve) => {
        const none = { inRow: 0, inFile: 0 };
        const open = indexedDB.open(name);
        open.onerror = () => resolve(none);
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get('search:index');
          read.onerror = () => resolve(none);
          read.onsuccess = () => {
            open.result.close();
            const value = (read.result as { value?: { index?: Uint8Array; file?: unknown } } | undefined)?.value;
            if (typeof value?.file !== 'string') return resolve({ inRow: value?.index?.length ?? 0, inFile: 0 });
            navigator.storage
              .getDirectory()
              .then((directory) => directory.getFileHandle(fileName))
              .then((handle) => handle.getFile())
              .then(
                (file) => resolve({ inRow: 0, inFile: file.size }),
                () => resolve(none),
              );
          };
        };
      }),
    { name: DATABASE_NAME, fileName: indexFileName(DATABASE_NAME) },
  );
}
