import { expect, test } from './fixtures';

test('the app runs under its Content-Security-Policy, which refuses inline and foreign scripts', async ({
  app,
  page,
}) => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-eval');
  // The whole sample flow works with the policy in force.
  await app.missions.loadSample();
  await app.missions.openFirst();
  await expect(page.getByTestId('mission-detail')).toBeVisible();
});
