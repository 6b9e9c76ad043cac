import { expect, type Locator, type Page } from '@playwright/test';

export type MissionTab = 'Overzicht' | 'Delegatie' | 'Agenda' | 'Doelorganisaties' | 'Landenbriefing';

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
    await this.cards().first().getByRole('button').click();
    await expect(this.page.getByTestId('mission-detail')).toBeVisible();
  }

  async tab(name: MissionTab) {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }
}
