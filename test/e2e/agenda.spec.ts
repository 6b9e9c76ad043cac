import ICAL from 'ical.js';
import sample from '../../resources/sample-mission.json' with { type: 'json' };
import { expect, seriousA11yViolations, test } from './fixtures';
import { AgendaPage } from './pages/agenda-page';
import type { AppPage } from './pages/app-page';

// An axe scan takes a second or two on this machine's two cores; the long test runs several.
test.describe.configure({ timeout: 180_000 });

// The sample mission: Taipei (UTC+8 all year), 16–19 March 2027, six members. Its delegation
// cannot be filled from the UI yet, so the agenda is tested on it rather than on a new mission.
async function openSampleAgenda(app: AppPage): Promise<AgendaPage> {
  await app.missions.loadSample();
  await app.missions
    .cards()
    .first()
    .getByRole('button', { name: /Dossier openen|Open dossier/ })
    .click();
  await app.page.getByRole('tab', { name: /^Agenda/ }).click();
  const agenda = new AgendaPage(app.page);
  await expect(agenda.items()).toHaveCount(12);
  return agenda;
}

/** Every event of the file, read by ical.js through the file's own VTIMEZONEs: summary → instants. */
function eventsOf(ics: string): Map<string, { start: string; end: string }> {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = new Map<string, { start: string; end: string }>();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    events.set(event.summary, {
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
    });
  }
  return events;
}

const LOTTE = sample.people.find((person) => person.familyName === 'Verbeek')?.id ?? '';

// What the test enters, in Taipei time, and the instants that must come out of it.
const LUNCH_TAIPEI = {
  title: 'Lunch met de Kamer van Koophandel',
  start: '2027-03-16T04:30:00.000Z',
  end: '2027-03-16T05:30:00.000Z',
};
const LUNCH_HSINCHU = {
  title: 'Lunch op het Science Park',
  start: '2027-03-17T04:00:00.000Z',
  end: '2027-03-17T05:00:00.000Z',
};
// 12:30–13:15 at first (clashing with the lunch for Lotte Verbeek), 13:00–13:45 once moved.
const INTERVIEW = {
  title: 'Interview met Taiwan News',
  start: '2027-03-17T05:00:00.000Z',
  end: '2027-03-17T05:45:00.000Z',
};

test('items over two days with participants; a double booking is shown, moved away by keyboard, and the ICS holds every instant', async ({
  app,
  page,
}) => {
  const agenda = await openSampleAgenda(app);
  expect(await seriousA11yViolations(page), 'agenda tab, list').toEqual([]);

  await agenda.create({
    title: LUNCH_TAIPEI.title,
    kind: 'Lunch of diner',
    date: '2027-03-16',
    start: '12:30',
    end: '13:30',
    location: 'Taipei World Trade Center',
    participants: ['Yusuf Demir (Ondersteuning)', 'dr. Lotte Verbeek (Bedrijfsvertegenwoordiger)'],
  });
  await agenda.create({
    title: LUNCH_HSINCHU.title,
    kind: 'Lunch of diner',
    date: '2027-03-17',
    start: '12:00',
    end: '13:00',
    location: 'Hsinchu Science Park',
    participants: ['Yusuf Demir (Ondersteuning)', 'dr. Lotte Verbeek (Bedrijfsvertegenwoordiger)'],
  });
  await expect(agenda.conflicts()).toHaveCount(0);
  await agenda.create({
    title: INTERVIEW.title,
    date: '2027-03-17',
    start: '12:30',
    end: '13:15',
    location: 'Hsinchu Science Park',
    participants: ['dr. Lotte Verbeek (Bedrijfsvertegenwoordiger)'],
  });

  // Focus is on the new item; it shows local and Dutch time: 12:30 in Taipei is 05:30 in the Netherlands.
  await expect(agenda.itemButton(INTERVIEW.title)).toBeFocused();
  await expect(agenda.item(INTERVIEW.title)).toContainText('12:30–13:15');
  await expect(agenda.item(INTERVIEW.title)).toContainText('05:30–06:15 NL');
  // The warning on top names the member and both items; both items carry it.
  await expect(agenda.conflicts()).toContainText('1 waarschuwing in de agenda');
  await expect(agenda.conflicts()).toContainText(
    `dr. Lotte Verbeek staat dubbel geboekt: “${LUNCH_HSINCHU.title}” (woensdag 17 maart, 12:00–13:00) en “${INTERVIEW.title}” (woensdag 17 maart, 12:30–13:15).`,
  );
  await expect(agenda.item(LUNCH_HSINCHU.title)).toContainText(
    `Dubbel geboekt: dr. Lotte Verbeek (ook bij “${INTERVIEW.title}”)`,
  );
  await expect(agenda.item(INTERVIEW.title)).toContainText(
    `Dubbel geboekt: dr. Lotte Verbeek (ook bij “${LUNCH_HSINCHU.title}”)`,
  );

  // The fix: in the day view, Alt+ArrowDown twice moves the interview 30 minutes later.
  await agenda.show('Per dag');
  expect(await seriousA11yViolations(page), 'agenda tab, day view').toEqual([]);
  await agenda.itemButton(INTERVIEW.title).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(agenda.announcement()).toHaveText(
    'Interview met Taiwan News staat nu op woensdag 17 maart, 13:00–13:45 lokale tijd (06:00–06:45 Nederlandse tijd).',
  );
  await expect(agenda.conflicts()).toHaveCount(0);
  await expect(agenda.itemButton(INTERVIEW.title)).toBeFocused();
  await expect(agenda.item(INTERVIEW.title)).toContainText('13:00–13:45');

  // The whole delegation's file: every event, at exactly its stored instants.
  const whole = await agenda.exportIcs();
  expect(whole.name).toBe('handelsmissie-taiwan-taipei-en-hsinchu.ics');
  const events = eventsOf(whole.text);
  const expected = new Map([
    ...sample.agenda.map((item) => [item.title, { start: item.start, end: item.end }] as const),
    ...[LUNCH_TAIPEI, LUNCH_HSINCHU, INTERVIEW].map(({ title, start, end }) => [title, { start, end }] as const),
  ]);
  expect(events.size).toBe(15);
  expect(Object.fromEntries(events)).toEqual(Object.fromEntries(expected));

  // One member's file: only what Lotte Verbeek attends.
  const lotte = await agenda.exportIcs('dr. Lotte Verbeek');
  const hers = [
    ...sample.agenda
      .filter((item) => item.participantIds.length === 0 || item.participantIds.includes(LOTTE))
      .map((item) => item.title),
    LUNCH_TAIPEI.title,
    LUNCH_HSINCHU.title,
    INTERVIEW.title,
  ];
  expect([...eventsOf(lotte.text).keys()].sort()).toEqual(hers.sort());
});

test('in the day view an item is dragged to another day and time', async ({ app, page }) => {
  const agenda = await openSampleAgenda(app);
  await agenda.show('Per dag');
  const debriefing = 'Debriefing delegatie en afspraken follow-up';
  await expect(agenda.item(debriefing)).toContainText('14:00–15:00');
  await agenda.itemButton(debriefing).scrollIntoViewIfNeeded();
  const block = await agenda.itemButton(debriefing).boundingBox();
  const thursday = await page.getByTestId('agenda-day-column').nth(2).locator('ul').boundingBox();
  if (!block || !thursday) throw new Error('the day view is drawn');
  // Grab the block 10 px below its top and let go one column to the left, two hours (192 px) higher.
  await page.mouse.move(block.x + 20, block.y + 10);
  await page.mouse.down();
  await page.mouse.move(block.x - 100, block.y - 100, { steps: 5 });
  await page.mouse.move(thursday.x + 20, block.y + 10 - 2 * 96, { steps: 5 });
  await page.mouse.up();
  await expect(agenda.announcement()).toContainText('staat nu op donderdag 18 maart, 12:00–13:00 lokale tijd');
  await expect(agenda.item(debriefing)).toContainText('12:00–13:00');
  await expect(page.getByTestId('agenda-day-column').nth(2)).toContainText(debriefing);
  // The drag ended in a drop, not in opening the item.
  await expect(agenda.dialog()).toHaveCount(0);
});

test('an item is edited (it saves itself), refused outside the mission dates, deleted and restored; the dialog passes axe in both languages', async ({
  app,
  page,
}) => {
  const agenda = await openSampleAgenda(app);
  const title = 'Gesprek TaiGrid Energy Systems over slim laden';
  await agenda.itemButton(title).click();
  const dialog = agenda.dialog();
  await expect(dialog.getByRole('heading', { name: 'Afspraak bewerken' })).toBeVisible();
  expect(await seriousA11yViolations(page), 'edit dialog (nl)').toEqual([]);

  // A date after the mission: a clear message, and nothing saved.
  await dialog.getByLabel('Datum (lokaal)').fill('2027-03-21');
  await expect(dialog).toContainText('Deze datum valt buiten de missie (16 maart 2027 – 19 maart 2027).');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'invalid');
  expect(await seriousA11yViolations(page), 'edit dialog with a message (nl)').toEqual([]);
  // An end before the start: its own message.
  await dialog.getByLabel('Datum (lokaal)').fill('2027-03-19');
  await dialog.getByLabel('Eindtijd (lokaal)').fill('09:00');
  await expect(dialog).toContainText('Het einde ligt vóór het begin.');
  await dialog.getByLabel('Eindtijd (lokaal)').fill('11:45');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.keyboard.press('Escape');
  await expect(agenda.item(title)).toContainText('10:00–11:45');

  // Delete, then undo from the notification.
  await agenda.itemButton(title).click();
  await dialog.getByTestId('agenda-delete').click();
  await expect(agenda.items()).toHaveCount(11);
  await page.getByTestId('undo').click();
  await expect(agenda.items()).toHaveCount(12);
  await expect(agenda.item(title)).toContainText('10:00–11:45');

  // The new-item dialog and the editor in English.
  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  await app.missions.cards().first().getByRole('button', { name: 'Open dossier' }).click();
  await page.getByRole('tab', { name: /^Agenda/ }).click();
  await expect(agenda.items()).toHaveCount(12);
  expect(await seriousA11yViolations(page), 'agenda tab (en)').toEqual([]);
  await page.getByRole('button', { name: 'New appointment' }).click();
  await expect(dialog.getByRole('heading', { name: 'New appointment' })).toBeVisible();
  expect(await seriousA11yViolations(page), 'new-item dialog (en)').toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('This field is required.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(agenda.items()).toHaveCount(12);
});

test('a link to an agenda item (as the readiness list makes) opens the agenda on that item’s editor', async ({
  app,
  page,
}) => {
  const agenda = await openSampleAgenda(app);
  const title = 'Investeringsgesprek Formosa BioSensing';
  const itemId = await agenda.item(title).getAttribute('data-item-id');
  const missionId = /#\/missions\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(itemId).toBeTruthy();
  expect(missionId).toBeTruthy();
  await page.getByRole('tab', { name: /^Overzicht/ }).click();
  await expect(agenda.items()).toHaveCount(0);

  await page.evaluate((hash) => (window.location.hash = hash), `#/missions/${missionId}/agenda/${itemId}`);
  const dialog = agenda.dialog();
  await expect(dialog.getByRole('heading', { name: 'Afspraak bewerken' })).toBeVisible();
  await expect(dialog.getByLabel('Titel')).toHaveValue(title);
  // Closed, it stays closed, with the item in view and focused.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(agenda.itemButton(title)).toBeFocused();
  await expect(agenda.itemButton(title)).toBeInViewport();
});
