/**
 * Making a dossier from scratch: a new mission, its delegation (one person created on the spot),
 * the guideline and the status workflow, duplicating it to a new date, deleting it and undoing.
 */
import ICAL from 'ical.js';
import { expect, seriousA11yViolations, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';

/** Every event of an ICS file, read by ical.js through the file's own VTIMEZONEs: summary → instants. */
function eventsOf(ics: string): Record<string, { start: string; end: string }> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events: Record<string, { start: string; end: string }> = {};
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    events[event.summary] = {
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    };
  }
  return events;
}

// Boston, in the week the US clocks go forward (14 March 2027) while the Netherlands waits until
// the 28th: 09:00 on Friday the 12th is 14:00 UTC (EST), 09:00 on Monday the 15th is 13:00 UTC (EDT).
const ITEMS = [
  { title: 'Ontbijt met MassBio', date: '2027-03-12', start: '09:00', end: '10:00', who: ['Joost', 'Sanne'] },
  { title: 'Bezoek Moderna', date: '2027-03-12', start: '11:00', end: '12:00', who: [] },
  { title: 'Gesprek Boston Scientific', date: '2027-03-15', start: '09:00', end: '10:30', who: ['Marieke'] },
  { title: 'Interview Boston Globe', date: '2027-03-15', start: '10:00', end: '11:00', who: ['Marieke'] },
  { title: 'Netwerkreceptie', date: '2027-03-15', start: '14:00', end: '15:00', who: [] },
] as const;
const OPTION = {
  Joost: 'Joost Brouwer (Ambtenaar)',
  Sanne: 'Sanne de Wit (Ambtenaar)',
  Marieke: 'Marieke van den Heuvel (Ambtenaar)',
} as const;

test.describe.configure({ timeout: 240_000 });

test('a mission made from scratch: delegation, guideline, approval, agenda across a DST change with a double booking fixed, ICS, duplicate, delete and undo', async ({
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

  // Five agenda items over two days, on both sides of the US clock change.
  await page.getByRole('tab', { name: /^Agenda/ }).click();
  const agenda = new AgendaPage(page);
  for (const item of ITEMS) {
    await agenda.create({ ...item, participants: item.who.map((name) => OPTION[name]) });
  }
  await expect(agenda.item('Ontbijt met MassBio')).toContainText('15:00–16:00 NL');
  await expect(agenda.item('Gesprek Boston Scientific')).toContainText('14:00–15:30 NL');
  await expect(agenda.conflicts()).toContainText('Marieke van den Heuvel staat dubbel geboekt');
  // The fix: the interview half an hour later, by keyboard in the day view.
  await agenda.show('Per dag');
  await agenda.itemButton('Interview Boston Globe').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(agenda.conflicts()).toHaveCount(0);
  const original = eventsOf((await agenda.exportIcs()).text);
  expect(original).toEqual({
    'Ontbijt met MassBio': { start: '2027-03-12T14:00:00.000Z', end: '2027-03-12T15:00:00.000Z' },
    'Bezoek Moderna': { start: '2027-03-12T16:00:00.000Z', end: '2027-03-12T17:00:00.000Z' },
    'Gesprek Boston Scientific': { start: '2027-03-15T13:00:00.000Z', end: '2027-03-15T14:30:00.000Z' },
    'Interview Boston Globe': { start: '2027-03-15T14:30:00.000Z', end: '2027-03-15T15:30:00.000Z' },
    Netwerkreceptie: { start: '2027-03-15T18:00:00.000Z', end: '2027-03-15T19:00:00.000Z' },
  });

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
  // The copy's agenda keeps the local times: 9:00 in Boston, now in October (EDT, UTC−4).
  await page.getByRole('tab', { name: /^Agenda/ }).click();
  const copy = eventsOf((await agenda.exportIcs()).text);
  expect(copy['Ontbijt met MassBio']).toEqual({ start: '2027-10-06T13:00:00.000Z', end: '2027-10-06T14:00:00.000Z' });
  expect(copy['Gesprek Boston Scientific']).toEqual({
    start: '2027-10-09T13:00:00.000Z',
    end: '2027-10-09T14:30:00.000Z',
  });

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
