/**
 * A mission's country briefing chosen by hand, in the web build: the sample's proposal with the
 * overdue note marked, one note left out and another moved up by keyboard, the choice kept over a
 * reload and printed in that order in the book (the saved PDF read back with pdftotext), then
 * reset to the proposal; axe on the tab in both UI languages.
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

const ECONOMY = 'Economie van Taiwan in het kort';
const HSINCHU = 'Hsinchu: het hart van de chipindustrie';
const ETIQUETTE = 'Zakelijke etiquette';

const titles = (page: Page) => page.getByTestId('briefing-list').getByTestId('briefing-entry-title');
const entry = (page: Page, title: string): Locator =>
  page.getByTestId('briefing-entry').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function openBriefing(page: Page) {
  await page
    .getByRole('button', { name: /^(Dossier openen|Open dossier)$/ })
    .first()
    .click();
  await expect(page.getByTestId('mission-detail')).toBeVisible();
  await page.getByRole('tab', { name: /^(Landenbriefing|Country briefing)/ }).click();
  await expect(page.getByTestId('briefing-tab')).toBeVisible();
}

test('leave out a note, move another up by keyboard, and the book prints that order', async ({
  app,
  page,
}, testInfo) => {
  // 1 April 2027: the Hsinchu note's review-by date (1 March 2027) has passed.
  await page.clock.setFixedTime(new Date('2027-04-01T10:00:00'));
  await app.missions.loadSample();
  await openBriefing(page);

  await expect(titles(page)).toHaveText([ECONOMY, HSINCHU, ETIQUETTE]);
  await expect(page.getByTestId('briefing-state')).toHaveText('Zoals voorgesteld');
  await expect(entry(page, HSINCHU).getByTestId('briefing-overdue')).toHaveText('Te herzien sinds 1 maart 2027');
  await expect(entry(page, ECONOMY).getByTestId('briefing-overdue')).toHaveCount(0);

  await page.getByRole('button', { name: `${HSINCHU} weglaten` }).click();
  await expect(titles(page)).toHaveText([ECONOMY, ETIQUETTE]);
  await expect(page.getByTestId('briefing-state')).toHaveText('Met de hand aangepast');
  await expect(page.getByTestId('briefing-addable')).toContainText(HSINCHU);

  // Keyboard only: focus the button, press Enter; focus stays with the moved note.
  const up = page.getByRole('button', { name: `${ETIQUETTE} omhoog` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(titles(page)).toHaveText([ETIQUETTE, ECONOMY]);
  // At the top its "up" is disabled, so focus moved to its "down".
  await expect(page.getByRole('button', { name: `${ETIQUETTE} omlaag` })).toBeFocused();

  await app.reload();
  await expect(titles(page)).toHaveText([ETIQUETTE, ECONOMY]);

  await page.getByRole('tab', { name: /^Briefingboek/ }).click();
  const panel = page.getByTestId('book-panel');
  await panel.getByRole('button', { name: 'Boek maken' }).click();
  await expect(panel.getByTestId('book-preview')).toBeVisible({ timeout: 120_000 });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Opslaan als PDF' }).click();
  const path = testInfo.outputPath('book.pdf');
  await (await download).saveAs(path);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // Both titles print only in the country briefing.
  expect(text.indexOf(ETIQUETTE)).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(ETIQUETTE)).toBeLessThan(text.indexOf(ECONOMY));
  expect(text).not.toContain(HSINCHU);

  await page.getByRole('tab', { name: /^Landenbriefing/ }).click();
  await page.getByRole('button', { name: 'Terug naar het voorstel' }).click();
  await expect(titles(page)).toHaveText([ECONOMY, HSINCHU, ETIQUETTE]);
  await expect(page.getByTestId('briefing-state')).toHaveText('Zoals voorgesteld');
  await expect(page.getByRole('button', { name: 'Terug naar het voorstel' })).toHaveCount(0);
});

test('the briefing tab passes axe in Dutch and in English', async ({ app, page }) => {
  await app.missions.loadSample();
  await openBriefing(page);
  await page.getByRole('button', { name: `${HSINCHU} weglaten` }).click();
  await expect(titles(page)).toHaveText([ECONOMY, ETIQUETTE]);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  expect(await seriousA11yViolations(page), 'briefing tab (Nederlands)').toEqual([]);

  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  await openBriefing(page);
  await expect(page.getByTestId('briefing-state')).toHaveText('Adjusted by hand');
  expect(await seriousA11yViolations(page), 'briefing tab (English)').toEqual([]);
  // What was left out can be added again: it goes to the end.
  await page.getByRole('button', { name: `Add ${HSINCHU}` }).click();
  await expect(titles(page)).toHaveText([ECONOMY, ETIQUETTE, HSINCHU]);
  await expect(page.getByRole('button', { name: `Move ${HSINCHU} up` })).toBeFocused();
});
