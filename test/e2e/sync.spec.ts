/**
 * Two devices (two browser contexts, each its own IndexedDB) sync the sample mission through a
 * real Apache WebDAV server, edit the same meeting differently, and the conflict is reviewed and
 * resolved on the device that lists it. The vault on the server holds only ciphertext.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { apacheInstalled, startDavServer, type DavServer } from '../sync/webdav-server';
import { expect, seriousA11yViolations, test as base } from './fixtures';
import { AppPage } from './pages/app-page';
import { AgendaPage } from './pages/agenda-page';

const MEETING = 'Gesprek TaiGrid Energy Systems over slim laden';
const PASSPHRASE = 'oranje-tulp-zeilboot-2027';
const HERE = 'Hsinchu, gebouw 51, zaal 3';
const THERE = 'Taipei 101, verdieping 35';

let server: DavServer | undefined;

/**
 * Chromium logs every non-2xx response as a console error. A 404 for a file not yet in the vault
 * (the header before the vault exists), a 405 for MKCOL of a folder that is there, and the 401 of a
 * refused login are answers the app expects; only those, from the WebDAV server, are let through.
 */
const test = base.extend({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const fromDav = server !== undefined && message.location().url.startsWith(server.url);
      if (fromDav && /status of (401|404|405)/.test(message.text())) return;
      errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
    expect(errors, 'console errors during the test').toEqual([]);
  },
});

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip(!apacheInstalled(), 'apache2 with mod_dav is not installed: the sync e2e needs a real WebDAV server');
  server = await startDavServer();
});

test.afterAll(async () => {
  await server?.stop();
});

function dav(): DavServer {
  if (!server) throw new Error('no WebDAV server');
  return server;
}

async function connect(app: AppPage, expectNew: boolean) {
  const { page } = app;
  await app.go('sync');
  await page.getByLabel('Adres van de kluismap op de server').fill(dav().url);
  await page.getByLabel('Gebruikersnaam').fill(dav().username);
  await page.getByLabel('App-wachtwoord').fill(dav().password);
  await page.getByLabel('Teamwachtwoord van de kluis').fill(PASSPHRASE);
  await page.getByTestId('vault-connect').click();
  if (expectNew) {
    await expect(page.getByRole('dialog', { name: 'Hier staat nog geen kluis' })).toBeVisible();
    await page.getByTestId('vault-create').click();
  }
  await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 30_000 });
}

async function syncNow(page: Page) {
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-now')).not.toHaveAttribute('data-loading', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('sync-summary')).toBeVisible({ timeout: 30_000 });
}

async function openAgenda(app: AppPage): Promise<AgendaPage> {
  await app.go('missions');
  await app.missions
    .cards()
    .first()
    .getByRole('button', { name: /Dossier openen|Open dossier/ })
    .click();
  await app.page.getByRole('tab', { name: /^Agenda/ }).click();
  return new AgendaPage(app.page);
}

async function setLocation(app: AppPage, location: string) {
  const agenda = await openAgenda(app);
  await agenda.itemButton(MEETING).click();
  await agenda.dialog().getByLabel('Locatie').fill(location);
  await expect(app.page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await app.page.keyboard.press('Escape');
  await expect(agenda.dialog()).toHaveCount(0);
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

test('two devices sync through WebDAV, a concurrent edit is a conflict resolved on the screen, the server sees only ciphertext', async ({
  app,
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await app.missions.loadSample();

  // Device A makes the vault and pushes the sample mission. Its Sync screen passes axe in Dutch.
  await app.go('sync');
  await expect(page.getByTestId('secrets-not-stored')).toBeVisible();
  expect(await seriousA11yViolations(page), 'connect form (nl)').toEqual([]);
  await connect(app, true);
  // Everything this device had is in the vault now.
  await expect(page.getByTestId('pending-changes')).toHaveText('0 wijzigingen nog niet gedeeld');
  expect(await seriousA11yViolations(page), 'connected sync screen (nl)').toEqual([]);

  // Device B joins with the same passphrase and receives the mission.
  const contextB = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const pageB = await contextB.newPage();
  const errorsB: string[] = [];
  pageB.on('pageerror', (error) => errorsB.push(error.message));
  const appB = new AppPage(pageB);
  await appB.open();
  await connect(appB, false);
  await expect(pageB.getByTestId('vault-devices')).toContainText('1');

  // Both edit the meeting's location; A first, then B (B's edit is the newer).
  await setLocation(app, HERE);
  await setLocation(appB, THERE);
  await app.go('sync');
  await syncNow(page);
  await appB.go('sync');
  await syncNow(pageB);
  await syncNow(page);

  // Exactly one device lists the conflict, side by side: mine and theirs.
  const conflictsA = page.getByTestId('conflict');
  const conflictsB = pageB.getByTestId('conflict');
  await expect.poll(async () => (await conflictsA.count()) + (await conflictsB.count())).toBe(1);
  const [listing, lister] = (await conflictsB.count()) === 1 ? [conflictsB, pageB] : [conflictsA, page];
  await expect(listing).toContainText(MEETING);
  await expect(listing).toContainText('Veld: Locatie');
  await expect(listing).toContainText(HERE);
  await expect(listing).toContainText(THERE);
  expect(await seriousA11yViolations(lister), 'sync screen with a conflict (nl)').toEqual([]);

  // Resolve by editing the value: a normal write, synced to the other device.
  const agreed = 'Hsinchu Science Park, gebouw 51';
  await listing.getByRole('button', { name: 'Bewerken' }).click();
  const dialog = lister.getByRole('dialog', { name: /Waarde bewerken/ });
  await dialog.getByLabel('Nieuwe waarde').fill(agreed);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(lister.getByTestId('conflict')).toHaveCount(0);
  await expect(lister.getByText('Geen conflicten.')).toBeVisible();
  await syncNow(lister);
  const other = lister === page ? pageB : page;
  await syncNow(other);
  for (const [device, view] of [
    [app, page],
    [appB, pageB],
  ] as const) {
    const agenda = await openAgenda(device);
    await expect(agenda.item(MEETING), `location on ${view === page ? 'A' : 'B'}`).toContainText(agreed);
  }

  // What the server stores is ciphertext: no names, places or field names in any file.
  const files = await filesUnder(join(dav().folder));
  const vaultFiles = files.filter((f) => f.endsWith('.mdc') || f.endsWith('.mds') || f.endsWith('.mdp'));
  expect(vaultFiles.length).toBeGreaterThan(0);
  for (const file of vaultFiles) {
    const text = (await readFile(file)).toString('latin1');
    for (const plain of ['TaiGrid', 'Hsinchu', 'Taipei', 'agenda', 'location']) {
      expect(text, `${file} holds "${plain}"`).not.toContain(plain);
    }
  }

  // The Sync screen in English passes axe too.
  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('sync');
  await expect(page.getByRole('heading', { name: 'Conflicts to review' })).toBeVisible();
  expect(await seriousA11yViolations(page), 'sync screen (en)').toEqual([]);

  expect(errorsB, 'errors on device B').toEqual([]);
  await contextB.close();
});

test('a wrong passphrase says so in the user’s language and changes nothing', async ({ app, page }) => {
  const before = await filesUnder(dav().folder);
  await app.go('sync');
  await page.getByLabel('Adres van de kluismap op de server').fill(dav().url);
  await page.getByLabel('Gebruikersnaam').fill(dav().username);
  await page.getByLabel('App-wachtwoord').fill(dav().password);
  await page.getByLabel('Teamwachtwoord van de kluis').fill('niet-het-goede-wachtwoord');
  await page.getByTestId('vault-connect').click();
  await expect(page.getByTestId('connect-error')).toContainText('Het wachtwoord past niet bij deze kluis', {
    timeout: 30_000,
  });
  await page.getByLabel('App-wachtwoord').fill('wrong-password');
  await page.getByLabel('Teamwachtwoord van de kluis').fill(PASSPHRASE);
  await page.getByTestId('vault-connect').click();
  await expect(page.getByTestId('connect-error')).toContainText('De server weigerde de aanmelding');
  expect(await filesUnder(dav().folder)).toEqual(before);
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
});
