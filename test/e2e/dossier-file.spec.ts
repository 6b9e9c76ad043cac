import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, seriousA11yViolations, test } from './fixtures';

// Argon2id (19 MiB, t = 2) runs twice per encrypted round trip on this machine's shared cores.
test.setTimeout(120_000);

const SAMPLE = 'Handelsmissie Taiwan: Taipei en Hsinchu';
const SHOTS = process.env.SHOTS_DIR ?? '';
const PASSPHRASE = 'paars-olifant-17';

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function loadSample(page: Page) {
  await page.getByTestId('load-sample').first().click();
  await expect(page.getByTestId('mission-card')).toHaveCount(1);
}

async function openExport(page: Page) {
  await page.getByTestId('mission-actions').click();
  await page.getByTestId('mission-export-dossier').click();
  return page.getByTestId('dossier-export-form');
}

/** Saves the export (a download in the web build) and returns the file's path. */
async function saveExport(page: Page, dir: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('dossier-export-save').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function chooseImportFile(page: Page, path: string) {
  await page.getByTestId('import-dossier').click();
  const dialog = page.getByTestId('dossier-import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('dossier-choose-file').click();
  await (await chooser).setFiles(path);
  return dialog;
}

test('export the sample encrypted, delete it, import it back with the passphrase after a preview', async ({
  app,
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'));
  await loadSample(page);

  const form = await openExport(page);
  await expect(form.getByTestId('dossier-encrypt')).toBeChecked();
  // A short passphrase is not accepted.
  await form.getByTestId('dossier-passphrase').fill('kort');
  await page.getByTestId('dossier-export-save').click();
  await expect(form.getByText('Minstens 8 tekens.')).toBeVisible();
  await form.getByTestId('dossier-passphrase').fill(PASSPHRASE);
  await form.getByTestId('dossier-passphrase-repeat').fill(PASSPHRASE);
  await shot(page, 'export-nl');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const path = await saveExport(page, dir);
  await expect(form).toBeHidden();

  await page.getByTestId('mission-actions').click();
  await page.getByRole('menuitem', { name: 'Verwijderen' }).click();
  await page.getByTestId('confirm-remove').click();
  await expect(page.getByTestId('mission-card')).toHaveCount(0);

  const dialog = await chooseImportFile(page, path);
  await dialog.getByTestId('dossier-import-passphrase').fill('verkeerde wachtwoordzin');
  await dialog.getByTestId('dossier-unlock').click();
  await expect(dialog.getByTestId('dossier-refused')).toContainText('De wachtwoordzin past niet bij dit bestand');
  await expect(page.getByTestId('mission-card')).toHaveCount(0);

  await dialog.getByTestId('dossier-import-passphrase').fill(PASSPHRASE);
  await dialog.getByTestId('dossier-unlock').click();
  const preview = dialog.getByTestId('dossier-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText(`„${SAMPLE}”: dit verandert er op dit apparaat`);
  // Deleted here after the export: the preview says so and offers to restore.
  const delegation = preview.locator('tr[data-kind="delegation"]');
  await expect(delegation.locator('[data-count="deletedHere"]')).toHaveText('6');
  await expect(preview.locator('tr[data-kind="people"] [data-count="unchanged"]')).toHaveText('6');
  await dialog.getByTestId('dossier-restore').check();
  await shot(page, 'import-preview-nl');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByTestId('dossier-import-confirm').click();

  await expect(app.heading()).toHaveText(SAMPLE);
  await expect(page.getByRole('tab', { name: /Delegatie \(6\)/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Agenda \(12\)/ })).toBeVisible();
});

test('a hostile file is refused with its message in the user language, and nothing changes', async ({ app, page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-e2e-'));
  await loadSample(page);
  const proto = join(dir, 'proto.json');
  await writeFile(proto, '{"format": "mission-dossier", "formatVersion": 2, "__proto__": {"deleted": 1}}');
  const deep = join(dir, 'deep.json');
  await writeFile(deep, '['.repeat(10_000) + ']'.repeat(10_000));

  let dialog = await chooseImportFile(page, proto);
  await expect(dialog.getByTestId('dossier-refused')).toContainText('verboden veldnaam');
  await expect(dialog.getByTestId('dossier-refused')).toContainText('Er is niets gewijzigd.');
  await expect(dialog.getByTestId('dossier-import-confirm')).toHaveCount(0);
  await shot(page, 'import-refused-nl');
  await page.getByRole('button', { name: 'Annuleren' }).click();

  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  dialog = await chooseImportFile(page, deep);
  await expect(dialog.getByTestId('dossier-refused')).toContainText('nested deeper than a dossier ever is');
  await expect(dialog.getByTestId('dossier-refused')).toContainText('Nothing was changed.');
  await shot(page, 'import-refused-en');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('mission-card')).toHaveCount(1);

  // An export without encryption imports back onto the same mission: nothing new.
  const form = await openExport(page);
  await form.getByTestId('dossier-encrypt').uncheck();
  await shot(page, 'export-en');
  const path = await saveExport(page, dir);
  dialog = await chooseImportFile(page, path);
  await expect(dialog.getByTestId('dossier-nothing-to-do')).toHaveText(
    'This file brings nothing new: everything is already like this on this device.',
  );
  await expect(
    dialog.getByTestId('dossier-preview').locator('tr[data-kind="agenda"] [data-count="unchanged"]'),
  ).toHaveText('12');
  await shot(page, 'import-preview-en');
  await dialog.getByTestId('dossier-import-confirm').click();
  await expect(app.heading()).toHaveText(SAMPLE);
});
