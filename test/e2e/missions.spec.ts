import { expect, test } from './fixtures';

test('an empty Missions screen says what a dossier is and offers the sample', async ({ app, page }) => {
  await expect(app.heading()).toHaveText('Missies');
  await expect(app.missions.emptyState()).toContainText('Nog geen missiedossiers');
  await expect(page.getByTestId('load-sample')).toHaveText('Voorbeeldmissie laden');
});

test('the sample mission loads, survives a reload, and shows its whole dossier', async ({ app, page }) => {
  await app.missions.loadSample();
  await app.reload();
  await expect(app.missions.cards()).toHaveCount(1);
  const card = app.missions.cards().first();
  await expect(card).toContainText('Handelsmissie Taiwan: Taipei en Hsinchu');
  await expect(card).toContainText('4 dagen');
  await expect(card).toContainText('6 deelnemers');
  await expect(card).toContainText('12 afspraken');

  await app.missions.openFirst();
  await expect(page.getByRole('textbox', { name: 'Leidende bestuurder' })).toHaveValue(
    'Marieke van den Heuvel · Provincie Utrecht',
  );

  await app.missions.tab('Delegatie');
  await expect(page.getByTestId('delegation-table').locator('tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('delegation-table').locator('tbody tr').first()).toContainText('Delegatieleider');

  await app.missions.tab('Agenda');
  await expect(page.getByTestId('agenda-item')).toHaveCount(12);
  // 09:00 in Taipei is 02:00 in the Netherlands in March (CET, before the DST change).
  await expect(page.getByTestId('agenda-item').first()).toContainText('09:00–10:00');
  await expect(page.getByTestId('agenda-item').first()).toContainText('02:00–03:00 NL');

  await app.missions.tab('Doelorganisaties');
  await expect(page.getByTestId('targets-table').locator('tbody tr')).toHaveCount(8);
  await expect(page.getByTestId('targets-table')).toContainText('新竹科學園區管理局');

  await app.missions.tab('Landenbriefing');
  await expect(page.getByRole('heading', { name: 'Zakelijke etiquette' })).toBeVisible();

  // The open dossier is part of the address: a reload keeps the user where they were.
  await app.reload();
  await expect(page.getByTestId('mission-detail')).toBeVisible();
  await page.getByRole('button', { name: 'Terug naar missies' }).click();
  await expect(app.missions.cards()).toHaveCount(1);
});

test('the registries fill from the sample: companies with Chinese names, people, notes, and logged changes', async ({
  app,
  page,
}) => {
  await app.missions.loadSample();
  await app.go('companies');
  await expect(page.getByText('8 organisaties')).toBeVisible();
  await expect(page.getByText('工業技術研究院')).toBeVisible();
  await app.go('people');
  await expect(page.getByText('6 personen')).toBeVisible();
  await expect(page.getByText('Gevoelige gegevens afgeschermd')).toHaveCount(1);
  await app.go('countries');
  await page.getByTestId('country-TW').click();
  await page.getByTestId('country-tab-notes').click();
  await expect(page.getByRole('heading', { name: 'Kennisnotities over Taiwan' })).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(3);
  await app.go('sync');
  // 1 mission + 6 people + 8 organisations + 3 notes + 6 members + 12 agenda items + 8 targets + 7 tasks.
  await expect(page.getByTestId('pending-changes')).toHaveText('51 wijzigingen nog niet gedeeld');
});
