import { expect, test } from './fixtures';

test('the app runs under its Content-Security-Policy, which refuses inline and foreign scripts', async ({
  app,
  page,
}) => {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  // No eval() of script; WebAssembly compilation only (Argon2id for the sync vault, docs/security.md 7b).
  expect(policy).not.toContain("'unsafe-eval'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // The page may reach a WebDAV vault over https, or plain http on this machine only.
  expect(policy).toContain("connect-src 'self' https: http://127.0.0.1:* http://localhost:*");
  // The whole sample flow works with the policy in force.
  await app.missions.loadSample();
  await app.missions.openFirst();
  await expect(page.getByTestId('mission-detail')).toBeVisible();
});
