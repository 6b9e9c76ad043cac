import { expect, type Locator, type Page } from '@playwright/test';
import { MissionsPage } from './missions-page';
import { SettingsPage } from './settings-page';

export type Area = 'missions' | 'companies' | 'people' | 'countries' | 'sync' | 'settings';

/** The app shell: sidebar navigation and the screen it shows. */
export class AppPage {
  readonly missions: MissionsPage;
  readonly settings: SettingsPage;

  constructor(readonly page: Page) {
    this.missions = new MissionsPage(page);
    this.settings = new SettingsPage(page);
  }

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByTestId('missions-screen')).toHaveAttribute('data-ready', 'true');
  }

  async reload() {
    await this.page.reload();
    await expect(this.page.locator('main')).toBeVisible();
  }

  navItem(area: Area): Locator {
    return this.page.getByTestId(`nav-${area}`);
  }

  screen(area: Area): Locator {
    return this.page.getByTestId(`${area}-screen`);
  }

  async go(area: Area) {
    await this.navItem(area).click();
    await expect(this.screen(area)).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: /laden|Loading/ })).toHaveCount(0);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
