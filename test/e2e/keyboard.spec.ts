import { expect, test } from './fixtures';

test('the keyboard reaches everything: skip link, menu, and focus moves to the new screen', async ({ app, page }) => {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await app.navItem('people').focus();
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Personen');
  await expect(page.locator('main')).toBeFocused();
});
