/**
 * Making a dossier from scratch: a new mission, its delegation (one person created on the spot),
 * the guideline and the status workflow, duplicating it to a new date, deleting it and undoing.
 */
import { expect, seriousA11yViolations, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('a mission made from scratch: delegation, guideline, approval, duplicate, delete and undo', async ({
  app,
  page,
}) => {
  await app.missions.create({
    title: 'Missie Boston life sciences',
    country: 'Verenigde Staten',
    start: '2027-03-10',
    end: '2027-03-16',
  });
  await expect(page.getByTestId('status-badge')).toHaveText(/Idee/i);
  // The zone followed the main destination.
  await expect(page.getByRole('textbox', { name: /Tijdzone van de bestemming/ })).toHaveValue(/America\/New York/);

  // Three members: each a new person created with their delegation place.
  await app.missions.tab('Delegatie');
  for (const [given, family] of [
    ['Marieke', 'van den Heuvel'],
    ['Joost', 'Brouwer'],
    ['Sanne', 'de Wit'],
  ]) {
    await page.getByTestId('add-member').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Nieuwe persoon').click();
    await dialog.getByLabel('Voornaam').fill(given ?? '');
    await dialog.getByLabel('Achternaam').fill(family ?? '');
    await dialog.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('delegation-row')).toHaveCount(3);
  // Sorted by the registry's name order: "van den Heuvel" files under H.
  await expect(page.getByTestId('delegation-row').first()).toContainText('Joost Brouwer');

  // A bad e-mail address for a new person is refused with a clear message, and nothing is added.
  await page.getByTestId('add-member').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Nieuwe persoon').click();
  await dialog.getByLabel('Voornaam').fill('Piet');
  await dialog.getByLabel('Achternaam').fill('Jansen');
  await dialog.getByLabel('E-mailadres').fill('piet-at-utrecht');
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog.getByText('Dit is geen geldig e-mailadres', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('delegation-row')).toHaveCount(3);

  // The status moves one step at a time; approval needs the guideline.
  await app.missions.tab('Overzicht');
  await page.getByTestId('status-forward').click();
  await expect(page.getByTestId('status-badge')).toHaveText(/Beoordeeld/i);
  await page.getByTestId('status-forward').click();
  await expect(page.getByTestId('status-error')).toContainText('leidraad');
  await expect(page.getByTestId('status-badge')).toHaveText(/Beoordeeld/i);
  const assessment = page.getByTestId('assessment');
  for (const question of ['A', 'B', 'C', 'D']) {
    await assessment
      .getByRole('radiogroup', { name: new RegExp(`^${question}\\.`) })
      .getByText('Ja')
      .click();
    await assessment.getByLabel(`Toelichting (${question})`).fill(`Toelichting bij vraag ${question}`);
  }
  await assessment.getByLabel('Advies').fill('Positief advies');
  await expect(page.getByTestId('assessment-state')).toHaveText('De leidraad is volledig ingevuld.');
  await page.getByTestId('status-forward').click();
  await expect(page.getByTestId('status-badge')).toHaveText(/Goedgekeurd/i);
  expect(await seriousA11yViolations(page), 'overview').toEqual([]);

  // Duplicate to a new date: a new dossier with the same delegation, starting as an idea.
  await page.getByRole('button', { name: 'Terug naar missies' }).click();
  await page.getByTestId('mission-actions').click();
  await page.getByRole('menuitem', { name: 'Dupliceren als sjabloon' }).click();
  const duplicate = page.getByRole('dialog');
  await duplicate.getByLabel('Nieuwe begindatum').fill('2027-10-04');
  expect(await seriousA11yViolations(page), 'duplicate dialog').toEqual([]);
  await duplicate.getByRole('button', { name: 'Dupliceren als sjabloon' }).click();
  await expect(page.getByTestId('status-badge')).toHaveText(/Idee/i);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Missie Boston life sciences (kopie)');
  await expect(page.getByRole('tab', { name: /Delegatie \(3\)/ })).toBeVisible();

  // Delete the copy, then undo.
  await page.getByRole('button', { name: 'Terug naar missies' }).click();
  await expect(app.missions.cards()).toHaveCount(2);
  await page.getByTestId('mission-filter-text').fill('kopie');
  await expect(app.missions.cards()).toHaveCount(1);
  await page.getByTestId('mission-actions').click();
  await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
  await page.getByTestId('confirm-remove').click();
  await expect(app.missions.cards()).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(app.missions.cards()).toHaveCount(1);
  await page.getByTestId('mission-filter-text').fill('');
  await expect(app.missions.cards()).toHaveCount(2);
});

test('the new-mission dialog refuses bad input and saves nothing', async ({ app, page }) => {
  await page.getByTestId('new-mission').click();
  const dialog = page.getByRole('dialog');
  expect(await seriousA11yViolations(page), 'new mission dialog').toEqual([]);
  await dialog.getByLabel('Begindatum').fill('2027-05-10');
  await dialog.getByLabel('Einddatum').fill('2027-05-01');
  // Leaving the field shows its message first (the button then moves down), as a user would see.
  await dialog.getByLabel('Einddatum').blur();
  await expect(dialog.getByText('De einddatum ligt vóór de begindatum.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Missie aanmaken' }).click();
  await expect(dialog.getByText('Dit veld is verplicht.').first()).toBeVisible();
  await expect(dialog.getByText('De einddatum ligt vóór de begindatum.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(app.missions.emptyState()).toBeVisible();
});

test('the editing screens pass axe in English', async ({ app, page }) => {
  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  await app.missions.loadSample();
  await app.missions.openFirst();
  for (const tab of ['Overview', 'Delegation', 'Tasks']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    expect(await seriousA11yViolations(page), tab).toEqual([]);
  }
  await page.getByRole('tab', { name: /^Delegation/ }).click();
  await page.getByTestId('add-member').click();
  expect(await seriousA11yViolations(page), 'add member dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await page
    .getByRole('button', { name: /^Edit: / })
    .first()
    .click();
  await expect(page.getByTestId('member-editor')).toBeVisible();
  expect(await seriousA11yViolations(page), 'member editor').toEqual([]);
});

test('tasks: Ctrl+Z outside a field undoes a delete', async ({ app, page }) => {
  await app.missions.loadSample();
  await app.missions.openFirst();
  await app.missions.tab('Taken');
  const rows = page.getByTestId('task-row');
  await expect(rows).toHaveCount(7);
  await rows
    .nth(2)
    .getByRole('button', { name: /^Taak verwijderen/ })
    .click();
  await expect(rows).toHaveCount(6);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(7);
});
