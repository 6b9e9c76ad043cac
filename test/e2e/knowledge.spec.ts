import { readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from './fixtures';

// Axe scans and an import take a few seconds each on this machine's two cores.
test.describe.configure({ timeout: 90_000 });

const CSV = [
  'Naam;Land;Plaats;Website;Accountmanager',
  'Société Générale;Frankrijk;Parijs;https://societegenerale.com;Anna',
  'TSMC;Taiwan;Hsinchu;https://tsmc.com;Piet',
  ';Japan;Tokio;;',
].join('\r\n');

async function chooseCountry(scope: Locator, page: Page, label: string, country: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).fill(country);
  await page.getByRole('option', { name: country, exact: true }).click();
}

async function createOrganisation(page: Page, name: string, country: string, language: 'nl' | 'en' = 'nl') {
  await page.getByTestId('new-organisation').click();
  const dialog = page.getByRole('dialog', { name: language === 'nl' ? 'Nieuwe organisatie' : 'New organisation' });
  await dialog.getByRole('textbox', { name: language === 'nl' ? 'Naam' : 'Name', exact: true }).fill(name);
  await chooseCountry(dialog, page, language === 'nl' ? 'Land' : 'Country', country);
  await dialog.getByRole('button', { name: language === 'nl' ? 'Opslaan' : 'Save' }).click();
  return dialog;
}

async function importFile(page: Page, path: string) {
  await page.getByTestId('csv-import').click();
  const dialog = page.getByTestId('csv-import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('csv-pick').click();
  await (await chooser).setFiles(path);
  return dialog;
}

test('import a CSV with a duplicate, find it by search without accents, export and read it back', async ({
  app,
  page,
}, testInfo) => {
  await app.go('companies');
  await expect(page.getByTestId('companies-empty')).toBeVisible();

  // A new organisation, then the duplicate guard on the same name and country.
  await createOrganisation(page, 'TSMC', 'Taiwan');
  await expect(page.getByTestId('organisation-detail-title')).toHaveText('TSMC');
  const again = await createOrganisation(page, 'tsmc', 'Taiwan');
  await expect(again.getByTestId('duplicate-warning')).toContainText('zelfde naam en land');
  await again.getByRole('button', { name: 'TSMC openen' }).click();
  await expect(again).toBeHidden();
  await expect(page.getByText('1 organisatie', { exact: true })).toBeVisible();

  // Import: an unknown column is skipped, a duplicate merged field by field, an empty name rejected.
  const file = testInfo.outputPath('organisaties.csv');
  await writeFile(file, CSV, 'utf-8');
  const dialog = await importFile(page, file);
  await expect(dialog.getByText('Kolom “Accountmanager”')).toBeVisible();
  await dialog.getByTestId('csv-mapping-next').click();
  await expect(dialog.getByTestId('csv-counts')).toContainText('1 nieuw, 1 mogelijk dubbel, 1 afgewezen');
  await expect(dialog.getByText('Rij 4: de naam is leeg.')).toBeVisible();
  const city = dialog.getByLabel('Plaats: “—” vervangen door “Hsinchu”');
  await expect(city).toBeChecked();
  await city.uncheck();
  await expect(dialog.getByLabel('Website: “—” vervangen door “https://tsmc.com”')).toBeChecked();
  await dialog.getByTestId('csv-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('2 organisaties', { exact: true })).toBeVisible();

  const detail = page.getByTestId('organisation-detail');
  await expect(detail.getByRole('textbox', { name: 'Website', exact: true })).toHaveValue('https://tsmc.com');
  await expect(detail.getByRole('textbox', { name: 'Plaats', exact: true })).toHaveValue('');

  // Search (Ctrl+K) without the accents finds Société Générale; Enter opens it.
  await app.go('missions');
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Zoeken' });
  await search.getByTestId('search-input').fill('societe generale');
  await expect(search.getByRole('option').first()).toContainText('Société Générale');
  await search.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('companies-screen')).toBeVisible();
  await expect(page.getByTestId('organisation-detail-title')).toHaveText('Société Générale');

  // Export, read the file, and import it back: both are recognised as the ones already there.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-export').click();
  await page.getByTestId('csv-export-organisations').click();
  const exported = testInfo.outputPath('export.csv');
  await (await download).saveAs(exported);
  const text = await readFile(exported, 'utf-8');
  expect(text).toContain('Société Générale');
  expect(text).toContain('https://tsmc.com');
  const back = await importFile(page, exported);
  await expect(back.getByTestId('csv-counts')).toContainText('0 nieuw, 2 mogelijk dubbel, 0 afgewezen');
  await back.getByTestId('csv-cancel').click();
  await expect(page.getByText('2 organisaties', { exact: true })).toBeVisible();
});

for (const language of ['nl', 'en'] as const) {
  test(`the companies screen, its dialogs and the search box pass axe (${language})`, async ({
    app,
    page,
  }, testInfo) => {
    // Five axe runs over a screen of Mantine components: about 15 s each on a loaded 2-core machine.
    test.setTimeout(180_000);
    if (language === 'en') {
      await app.go('settings');
      await app.settings.chooseLanguage('English');
    }
    await app.go('companies');
    await createOrganisation(page, 'TSMC', 'Taiwan', language);
    await expect(page.getByTestId('organisation-detail-title')).toHaveText('TSMC');
    expect(await seriousA11yViolations(page), `screen with panel (${language})`).toEqual([]);

    const again = await createOrganisation(page, 'TSMC', 'Taiwan', language);
    await expect(again.getByTestId('duplicate-warning')).toBeVisible();
    expect(await seriousA11yViolations(page), `duplicate guard (${language})`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(again).toBeHidden();

    const file = testInfo.outputPath('organisaties.csv');
    await writeFile(file, CSV, 'utf-8');
    const dialog = await importFile(page, file);
    await expect(dialog.getByTestId('csv-mapping')).toBeVisible();
    expect(await seriousA11yViolations(page), `column mapping (${language})`).toEqual([]);
    await dialog.getByTestId('csv-mapping-next').click();
    await expect(dialog.getByTestId('csv-preview')).toBeVisible();
    expect(await seriousA11yViolations(page), `import preview (${language})`).toEqual([]);
    await dialog.getByTestId('csv-cancel').click();

    await page.getByTestId('open-search').click();
    await page.getByTestId('search-input').fill('tsmc');
    await expect(page.getByTestId('search-result').first()).toBeVisible();
    expect(await seriousA11yViolations(page), `search box (${language})`).toEqual([]);
  });
}
