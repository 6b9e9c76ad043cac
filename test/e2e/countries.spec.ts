/**
 * Countries and intelligence, in Dutch and in English: a note written in Markdown and seen in the
 * preview, a review-by date in the past flagged on the country page and its card, Japan's sheet
 * prefilled with its time zone and currency and edited, the sheet opened from the Ctrl+K search,
 * and axe on the country page, the sheet editor and the note drawer.
 */
import { expect, seriousA11yViolations, test } from './fixtures';

const SHOTS = '/tmp/shots-A';

const TEXT = {
  nl: {
    notesTab: /^Kennisnotities/,
    overdue: '1 notitie te herzien',
    flag: /^Te herzien sinds/,
    currency: 'JPY – Japanse yen',
    goals: 'Twee halfgeleiderbedrijven naar Utrecht',
    japan: 'Japan',
  },
  en: {
    notesTab: /^Intelligence notes/,
    overdue: '1 note to review',
    flag: /^Review overdue since/,
    currency: 'JPY – Japanese yen',
    goals: 'Two semiconductor companies to Utrecht',
    japan: 'Japan',
  },
} as const;

const BODY = [
  'The **CHIPS Act** pays for new fabs.',
  '',
  '- Arizona',
  '- Texas',
  '',
  'See [NIST](https://www.nist.gov/chips). <script>alert(1)</script>',
].join('\n');

test.describe.configure({ timeout: 120_000 });

for (const language of ['nl', 'en'] as const) {
  const L = TEXT[language];
  test(`write a note, see it flagged, edit Japan's sheet and open it from search (${language})`, async ({
    app,
    page,
  }) => {
    if (language === 'en') {
      await app.go('settings');
      await app.settings.chooseLanguage('English');
    }
    await app.go('countries');

    // A note with Markdown, its preview, and a review-by date that has passed.
    await page.getByTestId('country-US').click();
    await expect(page.getByTestId('country-page')).toHaveAttribute('data-country', 'US');
    await page.getByTestId('country-tab-notes').click();
    await page.getByTestId('note-new').click();
    const drawer = page.getByRole('dialog');
    await drawer.locator('input[name="title"]').fill('CHIPS Act subsidies');
    await drawer.locator('textarea[name="body"]').fill(BODY);
    await drawer.locator('input[name="reviewBy"]').fill('2020-01-15');
    await drawer
      .getByTestId('note-body-mode')
      .getByText(language === 'nl' ? 'Voorbeeld' : 'Preview')
      .click();
    const preview = drawer.getByTestId('note-preview');
    await expect(preview.locator('strong')).toHaveText('CHIPS Act');
    await expect(preview.getByRole('listitem')).toHaveText(['Arizona', 'Texas']);
    await expect(preview.getByRole('link', { name: 'NIST' })).toHaveAttribute('href', 'https://www.nist.gov/chips');
    await expect(preview).toContainText('<script>alert(1)</script>');
    await expect(preview.locator('script')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/note-preview-${language}.png` });
    expect(await seriousA11yViolations(page), `new note drawer with preview (${language})`).toEqual([]);
    await drawer.getByTestId('note-create').click();
    await expect(drawer.getByTestId('note-editor')).toBeVisible();
    await expect(drawer.getByTestId('review-overdue')).toBeVisible();
    expect(await seriousA11yViolations(page), `note editor (${language})`).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    const card = page.getByTestId('note-card');
    await expect(card).toHaveAttribute('data-overdue', 'true');
    await expect(card.getByTestId('review-overdue')).toHaveText(L.flag);
    await expect(page.getByTestId('country-overdue')).toHaveText(L.overdue);
    await expect(page.getByTestId('country-tab-notes')).toHaveText(L.notesTab);
    await page.screenshot({ path: `${SHOTS}/overdue-flag-${language}.png` });
    expect(await seriousA11yViolations(page), `country notes (${language})`).toEqual([]);
    await page.getByTestId('country-back').click();
    await expect(page.getByTestId('country-US-overdue')).toHaveText(L.overdue);
    await page.screenshot({ path: `${SHOTS}/country-cards-${language}.png` });
    await expect(page.getByTestId('country-JP-overdue')).toHaveCount(0);

    // Japan's sheet starts from its facts; the first change keeps them with it.
    await page.getByTestId('country-JP').click();
    const sheet = page.getByTestId('sheet-editor');
    await expect(sheet).toHaveAttribute('data-saved', 'false');
    await expect(sheet.getByTestId('sheet-new')).toBeVisible();
    await expect(sheet.locator('input[name="currency"]')).toHaveValue(L.currency);
    await expect(sheet.getByText('Asia/Tokyo', { exact: true })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/sheet-new-${language}.png` });
    await sheet.locator('textarea[name="goals"]').fill(L.goals);
    await expect(sheet.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await expect(sheet).toHaveAttribute('data-saved', 'true');
    await expect(sheet.locator('input[name="currency"]')).toHaveValue(L.currency);
    // A key contact: kept once it has a name (a nameless one is not saved).
    await sheet.getByTestId('sheet-add-contact').click();
    await sheet.locator('input[name="keyContacts.0.name"]').fill('NBSO Osaka');
    await sheet.locator('input[name="keyContacts.0.email"]').fill('osaka@');
    await expect(sheet.getByTestId('save-status')).toHaveAttribute('data-state', 'invalid');
    await sheet.locator('input[name="keyContacts.0.email"]').fill('osaka@nbso.example');
    await expect(sheet.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    await page.screenshot({ path: `${SHOTS}/sheet-editor-${language}.png`, fullPage: true });
    expect(await seriousA11yViolations(page), `sheet editor (${language})`).toEqual([]);

    // From another screen, Ctrl+K finds the sheet and opens it, selected.
    await app.go('missions');
    await page.keyboard.press('Control+k');
    await page.getByTestId('search-input').fill('japan');
    await expect(page.getByTestId('search-result').first()).toContainText(L.japan);
    await page.getByTestId('search-input').press('Enter');
    await expect(app.screen('countries')).toBeVisible();
    await expect(page.getByTestId('country-page')).toHaveAttribute('data-country', 'JP');
    await expect(page.getByTestId('country-tab-sheet')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('sheet-editor').locator('textarea[name="goals"]')).toHaveValue(L.goals);
    await expect(page.getByTestId('sheet-editor').locator('input[name="keyContacts.0.name"]')).toHaveValue(
      'NBSO Osaka',
    );
    await page.screenshot({ path: `${SHOTS}/country-page-${language}.png` });
  });
}

test('a note picked in the search opens in its drawer on its country', async ({ app, page }) => {
  await app.go('countries');
  await page.getByTestId('country-TW').click();
  await page.getByTestId('country-tab-notes').click();
  await page.getByTestId('note-new').click();
  const drawer = page.getByRole('dialog');
  await drawer.locator('input[name="title"]').fill('Halfgeleiderketen Hsinchu');
  await drawer.locator('textarea[name="body"]').fill('Toeleveranciers rond **Hsinchu**.');
  await drawer.getByTestId('note-create').click();
  await expect(drawer.getByTestId('note-editor')).toBeVisible();
  await page.keyboard.press('Escape');
  await app.go('companies');
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('hsinchu');
  await expect(page.getByTestId('search-result').first()).toContainText('Halfgeleiderketen Hsinchu');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('country-page')).toHaveAttribute('data-country', 'TW');
  await expect(page.getByRole('dialog').locator('input[name="title"]')).toHaveValue('Halfgeleiderketen Hsinchu');
});
