import { expect, test } from './fixtures';

test('Dutch by default; English chosen in Settings is remembered; and back to Dutch', async ({ app, page }) => {
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(app.navItem('settings')).toHaveText('Instellingen');

  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await expect(app.heading()).toHaveText('Settings');
  await expect(app.navItem('missions')).toHaveText('Missions');
  await expect(app.navItem('countries')).toHaveText('Countries & intelligence');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await app.reload();
  await expect(app.heading()).toHaveText('Settings');
  await app.go('missions');
  await expect(page.getByTestId('load-sample')).toHaveText('Load sample mission');

  await app.go('settings');
  await app.settings.chooseLanguage('Nederlands');
  await expect(app.heading()).toHaveText('Instellingen');
  await app.reload();
  await expect(app.navItem('missions')).toHaveText('Missies');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('the sample dossier reads in English too, with English dates and plurals', async ({ app }) => {
  await app.missions.loadSample();
  await app.go('settings');
  await app.settings.chooseLanguage('English');
  await app.go('missions');
  const card = app.missions.cards().first();
  await expect(card).toContainText('16 March 2027 – 19 March 2027 · 4 days');
  await expect(card).toContainText('6 members · 12 appointments');
  await expect(card).toContainText('In preparation');
});
