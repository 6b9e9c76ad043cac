import { putChunk } from '../bench/browser-db';
import { generateOrganisations } from '../bench/seed-organisations';
import { expect, test } from './fixtures';

// 3,000 organisations from the benchmark's seeded generator (seed 20261128): 30 pages of the list.
const COUNT = 3000;
const ROW_HEIGHT = 64;

interface Row {
  readonly position: number;
  /** null while the row is a loading placeholder. */
  readonly name: string | null;
}

test('a long registry scrolls to any point and never shows a row at the wrong place', async ({ app, page }) => {
  const data = generateOrganisations(COUNT);
  await putChunk(page, { records: data.records, changes: data.changes, clock: data.clock });
  // IndexedDB orders by sort key, then by id: the same order as this comparison of UTF-16 strings.
  const sorted = [...data.records].sort((a, b) =>
    a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1,
  );

  await app.go('companies');
  await expect(page.getByText('3.000 organisaties')).toBeVisible();
  const list = page.getByRole('list', { name: 'Organisaties, op naam gesorteerd' });
  for (const fraction of [0.5, 1, 0.1]) {
    // Scroll, then record the rows of every animation frame until the list has settled there,
    // so a wrong row shown for even one frame while a page loads is caught.
    const frames = await list.evaluate(
      async (element, { fraction, rowHeight }) => {
        element.scrollTop = (element.scrollHeight - element.clientHeight) * fraction;
        const firstVisible = Math.floor(element.scrollTop / rowHeight);
        const seen: { position: number; name: string | null }[][] = [];
        const started = performance.now();
        while (performance.now() - started < 10_000) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const rows = [...element.querySelectorAll('[role=listitem]')].map((item) => ({
            position: Number(item.getAttribute('aria-posinset')),
            name: item.querySelector('p')?.textContent ?? null,
          }));
          seen.push(rows);
          const first = rows[0]?.position ?? 0;
          const there = first - 1 <= firstVisible && first - 1 >= firstVisible - 15;
          if (there && rows.length > 5 && rows.every((row) => row.name !== null)) break;
        }
        return seen;
      },
      { fraction, rowHeight: ROW_HEIGHT },
    );
    const last: Row[] = frames.at(-1) ?? [];
    expect(
      last.every((row) => row.name !== null),
      `the list settled at ${fraction}`,
    ).toBe(true);
    for (const rows of frames) {
      for (const row of rows) {
        if (row.name === null) continue;
        expect(
          row.name.startsWith(sorted[row.position - 1]?.name ?? '\u0000'),
          `row ${row.position} at ${fraction}`,
        ).toBe(true);
      }
    }
  }
});
