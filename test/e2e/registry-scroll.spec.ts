import { putChunk } from '../bench/browser-db';
import { generateOrganisations } from '../bench/seed-organisations';
import { expect, test } from './fixtures';

// 3,000 organisations from the benchmark's seeded generator (seed 20261128): 30 pages of the list.
const COUNT = 3000;

test('a long registry scrolls to any point and shows exactly the rows that belong there', async ({ app, page }) => {
  const data = generateOrganisations(COUNT);
  await putChunk(page, { records: data.records, changes: data.changes, clock: data.clock });
  // IndexedDB orders by sort key, then by id: the same order as this comparison of UTF-16 strings.
  const sorted = [...data.records].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));

  await app.go('companies');
  await expect(page.getByText('3.000 organisaties')).toBeVisible();
  const list = page.getByRole('list', { name: 'Organisaties, op naam gesorteerd' });
  for (const fraction of [0.5, 1, 0.1]) {
    await list.evaluate((element, f) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) * f;
    }, fraction);
    await expect(page.locator('[role=listitem] .mantine-Skeleton-root')).toHaveCount(0);
    const rows = await page.locator('[role=listitem]').evaluateAll((items) =>
      items.map((item) => ({ position: Number(item.getAttribute('aria-posinset')), name: item.querySelector('p')?.textContent ?? '' })),
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.name.startsWith(sorted[row.position - 1]?.name ?? '\u0000'), `row ${row.position} at ${fraction}`).toBe(true);
    }
  }
});
