/**
 * The briefing book in the web build: the sample's administrator's book made in Dutch in the
 * worker, previewed, saved (a download), and the downloaded PDF read back with pdftotext; the
 * panel passes axe in both UI languages.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import sample from '../../resources/sample-mission.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { pageCount } from '../book/pdf-read';
import { expect, seriousA11yViolations, test } from './fixtures';
import type { AppPage } from './pages/app-page';

// One book takes several seconds on this machine's two shared cores; axe a second or two more.
test.describe.configure({ timeout: 180_000 });

/** The dossier's book tab (or button): "Briefingboek" in Dutch, "Briefing book" in English. */
async function openBook(app: AppPage, name: RegExp) {
  const { page } = app;
  await page
    .getByRole('button', { name: /^(Dossier openen|Open dossier)$/ })
    .first()
    .click();
  await expect(page.getByTestId('mission-detail')).toBeVisible();
  await page.getByRole('tab', { name }).or(page.getByRole('button', { name })).first().click();
  await expect(page.getByTestId('book-panel')).toBeVisible();
}

test('the administrator’s book in Dutch: made, previewed, saved, without sensitive fields', async ({
  app,
  page,
}, testInfo) => {
  await app.missions.loadSample();
  await openBook(app, /^Briefingboek/);
  const panel = page.getByTestId('book-panel');
  await panel.getByRole('radio', { name: 'Nederlands' }).check();
  await panel.getByRole('radio', { name: /^Boek voor de bestuurder/ }).check();
  await panel.getByRole('button', { name: 'Boek maken' }).click();
  // Progress with a way out while it works, then the preview.
  await expect(panel.getByRole('button', { name: 'Annuleren' })).toBeVisible();
  await expect(panel.getByTestId('book-preview')).toBeVisible({ timeout: 120_000 });
  await expect(panel.getByTestId('book-facts')).toContainText(/Versie 1 · \d+ pagina’s/);
  const contents = panel.getByRole('list', { name: 'Inhoud van dit boek' });
  await expect(contents.getByRole('listitem')).toHaveCount(9);
  await expect(contents).toContainText('Afspraken');

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Opslaan als PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Briefingboek .*v1\.pdf$/);
  const path = testInfo.outputPath('book.pdf');
  await file.saveAs(path);
  await expect(page.getByText('Het briefingboek (versie 1) is opgeslagen.')).toBeVisible();

  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const squeezed = text.replace(/\s+/g, '');
  for (const organisation of sample.organisations) {
    if (organisation.localName) expect(squeezed, organisation.name).toContain(organisation.localName);
  }
  expect(text).toContain('Programma in één oogopslag');
  // Dietary needs are sensitive: never in the administrator's book.
  const dietary = sample.people.map((p) => p.dietaryNeeds).filter((value) => value !== '');
  expect(dietary.length).toBeGreaterThan(0);
  for (const value of dietary) expect(text).not.toContain(value);
  expect(text).not.toContain('Dieet');

  // The worker's book is the CLI's book (same builder, and pdfmake's bundle joins words as the
  // Node build does: without that the file would be about 12 % larger). Only the issue date differs.
  const cliPath = testInfo.outputPath('cli-book.pdf');
  execFileSync('npx', [
    'tsx',
    'scripts/book.ts',
    '--sample',
    '--out',
    cliPath,
    '--lang',
    'nl',
    '--audience',
    'administrator',
  ]);
  expect(pageCount(path)).toBe(pageCount(cliPath));
  expect(statSync(path).size / statSync(cliPath).size).toBeCloseTo(1, 1);

  // The next book is version 2 and compares itself with the one just saved.
  await panel.getByRole('button', { name: 'Opnieuw maken' }).click();
  await expect(panel.getByTestId('book-facts')).toContainText('Versie 2', { timeout: 120_000 });
});

test('cancelling a book leaves the panel ready for the next one', async ({ app, page }) => {
  await app.missions.loadSample();
  await openBook(app, /^Briefingboek/);
  const panel = page.getByTestId('book-panel');
  await panel.getByRole('button', { name: 'Boek maken' }).click();
  await panel.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('Het maken van het boek is geannuleerd.')).toBeVisible();
  await expect(panel.getByTestId('book-preview')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Boek maken' }).click();
  await expect(panel.getByTestId('book-preview')).toBeVisible({ timeout: 120_000 });
});

/** Axe on the page once notifications are gone: one caught fading in or out fails on contrast. */
async function violations(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  return seriousA11yViolations(page);
}

test('the book panel passes axe in Dutch and in English', async ({ app, page }) => {
  await app.missions.loadSample();
  await openBook(app, /^Briefingboek/);
  expect(await violations(page), 'book panel (Nederlands)').toEqual([]);
  await page
    .getByTestId('book-panel')
    .getByRole('radio', { name: /^Persoonlijk boek/ })
    .check();
  expect(await violations(page), 'personal book options (Nederlands)').toEqual([]);

  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  await openBook(app, /^Briefing book/);
  const panel = page.getByTestId('book-panel');
  // The options were remembered only when a book is made; a fresh panel starts from the defaults.
  await expect(panel.getByRole('radio', { name: /^Administrator’s book/ })).toBeChecked();
  await panel.getByRole('button', { name: 'Make the book' }).click();
  await expect(panel.getByTestId('book-preview')).toBeVisible({ timeout: 120_000 });
  expect(await violations(page), 'book panel with preview (English)').toEqual([]);
});
