import { expect, seriousA11yViolations, test } from './fixtures';
import type { Area } from './pages/app-page';
import type { MissionTab } from './pages/missions-page';

const AREAS: Area[] = ['missions', 'companies', 'people', 'countries', 'sync', 'settings'];
const TABS: MissionTab[] = ['Overzicht', 'Delegatie', 'Agenda', 'Doelorganisaties', 'Taken', 'Landenbriefing'];

// An axe scan takes a second or two on this machine's two cores; each test runs several.
test.describe.configure({ timeout: 120_000 });

for (const language of ['Nederlands', 'English'] as const) {
  test(`every screen, empty, passes axe with no serious or critical violations (${language})`, async ({ app }) => {
    if (language === 'English') {
      await app.go('settings');
      await app.settings.chooseLanguage('English');
    }
    for (const area of AREAS) {
      await app.go(area);
      expect(await seriousA11yViolations(app.page), `${area} (${language})`).toEqual([]);
    }
  });
}

test('every screen with the sample dossier passes axe', async ({ app, page }) => {
  await app.missions.loadSample();
  for (const area of AREAS) {
    await app.go(area);
    if (area === 'countries') await page.getByTestId('country-TW').click();
    expect(await seriousA11yViolations(page), area).toEqual([]);
  }
});

test('every tab of the sample dossier passes axe', async ({ app, page }) => {
  await app.missions.loadSample();
  await app.missions.openFirst();
  for (const tab of TABS) {
    await app.missions.tab(tab);
    expect(await seriousA11yViolations(page), `dossier tab ${tab}`).toEqual([]);
  }
});
