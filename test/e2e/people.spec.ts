import { writeFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { expect, seriousA11yViolations, test } from './fixtures';
import { PeoplePage } from './pages/people-page';

// An axe scan takes a second or two on this machine's two cores; the first test runs two.
test.describe.configure({ timeout: 90_000 });

/** A real RGB PNG of the given size, drawn here (left half red, right half blue). */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bits per channel
  header.writeUInt8(2, 9); // RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(x < width / 2 ? [200, 30, 30] : [30, 30, 200], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PASSPORT = 'NXK4R7P92';

test('create a person, see it saved, refuse a bad e-mail, and keep sensitive data masked', async ({ app, page }) => {
  const people = new PeoplePage(page);
  await app.go('people');
  await expect(page.getByTestId('people-empty')).toBeVisible();

  const panel = await people.create({ givenName: 'Anna', familyName: 'de Vries', email: 'a.devries@example.nl' });
  await expect(people.row('Anna de Vries')).toBeVisible();
  await expect(page.getByText('1 persoon', { exact: true })).toBeVisible();

  // Autosave, with its visible state.
  await panel.field('Functie').fill('Senior adviseur Trade & Invest');
  await panel.expectSaved();
  await expect(people.row('Anna de Vries')).toContainText('Senior adviseur Trade & Invest');

  // A bad e-mail address: a clear message at the field, nothing saved.
  await panel.field('E-mailadres').fill('anna at provincie');
  await expect(panel.root.getByText('Dit is geen geldig e-mailadres')).toBeVisible();
  await expect(panel.saveStatus()).toHaveAttribute('data-state', 'invalid');
  await app.reload();
  await app.go('people');
  const reopened = await people.open('Anna de Vries');
  await expect(reopened.field('E-mailadres')).toHaveValue('a.devries@example.nl');
  await expect(reopened.field('Functie')).toHaveValue('Senior adviseur Trade & Invest');

  // Sensitive data: not in the page until shown on purpose, masked again when hidden or reopened.
  await expect(reopened.sensitive()).not.toContainText('Paspoortnummer');
  await reopened.revealSensitive();
  await reopened.field('Paspoortnummer').fill(PASSPORT);
  await reopened.field('Paspoort geldig tot').fill('2027-05-31');
  await reopened.expectSaved();
  await expect(people.row('Anna de Vries')).toContainText('Gevoelige gegevens afgeschermd');
  await reopened.hideSensitive();
  const inputValues = () =>
    page.locator('input, textarea').evaluateAll((all) => all.map((e) => (e as HTMLInputElement).value));
  await expect(page.locator('body')).not.toContainText(PASSPORT);
  expect(await inputValues()).not.toContain(PASSPORT);
  await reopened.revealSensitive();
  await expect(reopened.field('Paspoortnummer')).toHaveValue(PASSPORT);
  await reopened.close();
  const again = await people.open('Anna de Vries');
  await expect(again.sensitive().getByRole('button', { name: 'Gevoelige gegevens tonen' })).toBeVisible();
  expect(await inputValues()).not.toContain(PASSPORT);
  expect(await people.list().innerHTML()).not.toContain(PASSPORT);
});

test('a photo is checked, resized and shown; a person is deleted and brought back', async ({ app, page }, testInfo) => {
  const people = new PeoplePage(page);
  await app.go('people');
  const panel = await people.create({ givenName: 'Anna', familyName: 'de Vries' });

  // Refused when too large (nothing saved) or not an image; otherwise resized and shown with its alt text.
  // The 20 MB photo is a file on disk, which the browser reads itself, as when the user picks one.
  const hugePath = testInfo.outputPath('vakantie.jpg');
  await writeFile(hugePath, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20 * 1024 * 1024)]));
  await panel.choosePhoto(hugePath);
  await expect(panel.photoError()).toHaveText(/De foto is te groot: kies een bestand van maximaal 15 MB/);
  await expect(panel.photo()).toHaveCount(0);
  await panel.choosePhoto({ name: 'notities.png', mimeType: 'image/png', buffer: Buffer.from('geen foto') });
  await expect(panel.photoError()).toHaveText(/Dit bestand is geen foto/);
  await panel.choosePhoto({ name: 'portret.png', mimeType: 'image/png', buffer: makePng(1200, 800) });
  await expect(panel.photo()).toHaveAttribute('alt', 'Foto van Anna de Vries');
  await expect(panel.photoError()).toHaveCount(0);
  const stored = await panel.photo().evaluate((img) => {
    const image = img as HTMLImageElement;
    return { src: image.src.slice(0, 23), width: image.naturalWidth, height: image.naturalHeight };
  });
  expect(stored).toEqual({ src: 'data:image/jpeg;base64,', width: 512, height: 341 });
  await panel.root.getByRole('button', { name: 'Foto verwijderen' }).click();
  await expect(panel.photo()).toHaveCount(0);

  // Delete, then undo from the notification.
  await panel.delete();
  await expect(people.rows()).toHaveCount(0);
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(people.row('Anna de Vries')).toBeVisible();
  await expect(page.getByText('Ongedaan gemaakt.')).toBeVisible();
});

test('the list filters by family name, and a person links to an organisation in the registry', async ({
  app,
  page,
}) => {
  const people = new PeoplePage(page);
  await app.missions.loadSample();
  await app.go('people');
  await expect(people.rows()).toHaveCount(6);
  await people.filter('heuvel');
  await expect(people.rows()).toHaveCount(1);
  await expect(people.rows()).toContainText('Marieke van den Heuvel');
  await people.filter('xyz');
  await expect(page.getByTestId('people-no-matches')).toBeVisible();
  await people.filter('');
  await expect(people.rows()).toHaveCount(6);

  const panel = await people.create({ givenName: 'Wei-Ling', familyName: 'Chen', jobTitle: 'Director' });
  await panel.field('Organisatie uit het register').fill('indus');
  await page.getByRole('option', { name: /Industrial Technology Research Institute/ }).click();
  await panel.expectSaved();
  await expect(people.row('Wei-Ling Chen')).toContainText('Director · Industrial Technology Research Institute (ITRI)');
});

for (const language of ['Nederlands', 'English'] as const) {
  test(`the People screen, its panel and the new-person dialog pass axe (${language})`, async ({ app, page }) => {
    await app.go('people');
    const panel = await new PeoplePage(page).create({ givenName: 'Anna', familyName: 'de Vries' });
    if (language === 'English') {
      await app.go('settings');
      await app.settings.chooseLanguage('English');
      await page.getByTestId('nav-people').click();
      await page.getByTestId('person-row').first().click();
      await page.getByRole('button', { name: 'Show sensitive data' }).click();
    } else {
      await panel.revealSensitive();
    }
    expect(await seriousA11yViolations(page), `screen with panel (${language})`).toEqual([]);
    await page.getByTestId('new-person').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    // An empty save shows the field messages, which must pass too.
    await page
      .getByRole('dialog')
      .getByRole('button', { name: language === 'English' ? 'Save' : 'Opslaan' })
      .click();
    await expect(
      page
        .getByRole('dialog')
        .getByText(/verplicht|required/)
        .first(),
    ).toBeVisible();
    expect(await seriousA11yViolations(page), `new-person dialog (${language})`).toEqual([]);
  });
}
