import type { Page } from '@playwright/test';
import { SEARCH_OPENED_MARK } from '../../src/features/search/search-client';
import { expect, test } from './fixtures';
import { PeoplePage } from './pages/people-page';
import { savedIndexSize } from './saved-index';

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

test('the search index is saved in a file and reopened from it after a reload, with what was written since', async ({
  app,
  page,
}) => {
  await app.go('companies');
  await createOrganisation(page, 'Société Générale', 'Frankrijk');
  expect(await firstResult(page, 'societe')).toContain('Société Générale');

  // Saved once no query has come for two seconds: a file in the origin-private file system.
  await expect.poll(async () => (await savedIndexSize(page)).inFile, { timeout: 30_000 }).toBeGreaterThan(100);
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

test('a Chinese and a Korean name are listed and found family name first, as they are written', async ({
  app,
  page,
}) => {
  const people = new PeoplePage(page);
  await app.go('people');
  await people.create({ givenName: '志明', familyName: '陳', jobTitle: '總經理' });
  await people.create({ givenName: '민준', familyName: '김' });
  await expect(people.row('陳志明')).toBeVisible();
  await expect(people.row('김민준')).toBeVisible();
  expect(await firstResult(page, '陳志明')).toContain('陳志明');
  expect(await firstResult(page, '김민준')).toContain('김민준');
});
