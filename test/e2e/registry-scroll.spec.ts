import { writeFile } from 'node:fs/promises';
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
            name: item.querySelector('[data-testid=organisation-name]')?.textContent ?? null,
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

test('the preview of a 5,000-row import draws only the rows in view and scrolls to the last one', async ({
  app,
  page,
}, testInfo) => {
  // Reading and previewing 5,000 rows takes seconds on a busy two-core machine.
  test.setTimeout(90_000);
  // 5,000 organisations, every tenth without a name (rejected).
  const lines = ['Naam;Land;Plaats'];
  for (let i = 1; i <= 5000; i++) lines.push(`${i % 10 === 0 ? '' : `Bedrijf ${i}`};Duitsland;Keulen`);
  const file = testInfo.outputPath('groot.csv');
  await writeFile(file, lines.join('\r\n'), 'utf-8');

  await app.go('companies');
  await page.getByTestId('csv-import').click();
  const dialog = page.getByTestId('csv-import-dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByTestId('csv-pick').click();
  // Every header is recognised: the dialog goes straight to the preview.
  await (await chooser).setFiles(file);
  await expect(dialog.getByTestId('csv-counts')).toContainText('4500 nieuw, 0 mogelijk dubbel, 500 afgewezen', {
    timeout: 30_000,
  });
  const table = dialog.getByTestId('csv-preview');
  await expect(table).toHaveAttribute('aria-rowcount', '5001');
  const rows = dialog.getByTestId('csv-preview-row');
  await expect(rows.first()).toContainText('Bedrijf 1');
  expect(await rows.count()).toBeLessThan(60);
  await page.screenshot({ path: '/tmp/shots-E/csv-preview-top-nl.png' });

  // To the end, as dragging the scroll bar does: the last rows of the file, in order, and still few drawn.
  await dialog.getByTestId('csv-preview-scroll').evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(rows.last()).toContainText('Rij 5001: de naam is leeg.');
  await expect(rows.last()).toHaveAttribute('aria-rowindex', '5001');
  const numbers = await rows.evaluateAll((found) => found.map((row) => Number(row.querySelector('td')?.textContent)));
  expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => 5001 - numbers.length + 1 + i));
  expect(numbers.length).toBeLessThan(60);
  await page.screenshot({ path: '/tmp/shots-E/csv-preview-end-nl.png' });
});
