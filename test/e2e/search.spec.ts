import type { Page } from '@playwright/test';
import { DATABASE_NAME } from '../../src/db/schema';
import { SEARCH_OPENED_MARK } from '../../src/features/search/search-client';
import { indexFileName } from '../../src/features/search/index-file';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

async function createOrganisation(page: Page, name: string, country: string) {
  await page.getByTestId('new-organisation').click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe organisatie' });
  await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill(name);
  await dialog.getByRole('textbox', { name: 'Land', exact: true }).fill(country);
  await page.getByRole('option', { name: country, exact: true }).click();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('organisation-detail-title')).toHaveText(name);
}

async function firstResult(page: Page, query: string) {
  await page.getByTestId('open-search').click();
  const dialog = page.getByRole('dialog', { name: 'Zoeken' });
  await dialog.getByTestId('search-input').fill(query);
  const text = await dialog.getByTestId('search-result').first().innerText();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return text;
}

/** The size of the saved index file, when the database row names one; 0 while there is none. */
function savedIndexFileSize(page: Page): Promise<number> {
  return page.evaluate(
    ({ name, fileName }) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get('search:index');
          read.onerror = () => resolve(0);
          read.onsuccess = () => {
            open.result.close();
            const row = read.result as { value?: { file?: unknown } } | undefined;
            if (typeof row?.value?.file !== 'string') return resolve(0);
            navigator.storage
              .getDirectory()
              .then((directory) => directory.getFileHandle(fileName))
              .then((handle) => handle.getFile())
              .then(
                (file) => resolve(file.size),
                () => resolve(0),
              );
          };
        };
      }),
    { name: DATABASE_NAME, fileName: indexFileName(DATABASE_NAME) },
  );
}

test('the search index is saved in a file and reopened from it after a reload, with what was written since', async ({
  app,
  page,
}) => {
  await app.go('companies');
  await createOrganisation(page, 'Société Générale', 'Frankrijk');
  expect(await firstResult(page, 'societe')).toContain('Société Générale');

  // Saved once no query has come for two seconds: a file in the origin-private file system.
  await expect.poll(() => savedIndexFileSize(page), { timeout: 30_000 }).toBeGreaterThan(100);
  // Written after the save: the reopened index follows the change log to find it.
  await createOrganisation(page, 'Zürich Versicherung', 'Zwitserland');

  await page.reload();
  await expect(page.getByTestId('open-search')).toBeVisible();
  const opened = await page.waitForFunction(
    (mark) => (performance.getEntriesByName(mark, 'mark')[0] as PerformanceMark | undefined)?.detail as unknown,
    SEARCH_OPENED_MARK,
  );
  expect(await opened.jsonValue()).toMatchObject({ origin: 'saved' });
  expect(await firstResult(page, 'zurich')).toContain('Zürich Versicherung');
  expect(await firstResult(page, 'generale')).toContain('Société Générale');
});
