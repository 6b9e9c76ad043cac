import { expect, type Locator, type Page } from '@playwright/test';

export type MissionTab = 'Overzicht' | 'Delegatie' | 'Agenda' | 'Doelorganisaties' | 'Taken' | 'Landenbriefing';

export class MissionsPage {
  constructor(readonly page: Page) {}

  emptyState(): Locator {
    return this.page.getByTestId('missions-empty');
  }

  cards(): Locator {
    return this.page.getByTestId('mission-card');
  }

  async loadSample() {
    await this.page.getByTestId('load-sample').click();
    await expect(this.cards()).toHaveCount(1);
  }

  async openFirst() {
    await this.cards()
      .first()
      .getByRole('button', { name: /Dossier openen|Open dossier/ })
      .click();
    await expect(this.page.getByTestId('mission-detail')).toBeVisible();
  }

  /** Creates a mission through the New mission dialog and lands on its overview. */
  async create(mission: { title: string; country: string; start: string; end: string }) {
    await this.page.getByTestId('new-mission').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Titel').fill(mission.title);
    await dialog.getByRole('textbox', { name: 'Landen van bestemming' }).fill(mission.country);
    await this.page.getByRole('option', { name: mission.country, exact: true }).click();
    await dialog.getByLabel('Begindatum').fill(mission.start);
    await dialog.getByLabel('Einddatum').fill(mission.end);
    await dialog.getByRole('button', { name: 'Missie aanmaken' }).click();
    await expect(this.page.getByTestId('overview-tab')).toBeVisible({ timeout: 15_000 });
  }

  async tab(name: MissionTab) {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }
}
