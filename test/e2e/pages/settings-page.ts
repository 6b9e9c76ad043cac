import type { Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  async chooseLanguage(label: 'Nederlands' | 'English') {
    // SegmentedControl renders radio inputs with visible labels.
    await this.page.getByTestId('language-switch').getByText(label, { exact: true }).click();
  }
}
