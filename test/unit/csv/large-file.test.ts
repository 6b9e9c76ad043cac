import { describe, expect, it } from 'vitest';
import { OrganisationIndex } from '../../../src/domain/csv/duplicates';
import { inspectCsv, previewCsvImport, type PreviewProgress } from '../../../src/domain/csv/preview';
import type { FieldsOf } from '../../../src/domain/entities';

const ROWS = 200_000;

/** 200,000 rows as Dutch Excel writes them; every 1,000th row has a quoted two-line description. */
function largeFile(): Uint8Array {
  const dutch = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2 });
  const lines = ['Naam;Land;Plaats;Medewerkers;Omzet;Omschrijving'];
  for (let i = 0; i < ROWS; i++) {
    const note = i % 1000 === 0 ? `"Regel één; met puntkomma\nen regel twee ${i}"` : `Notitie ${i}`;
    lines.push(`Bedrijf ${i} BV;Duitsland;München;${i % 5000};${dutch.format(i * 1000 + 0.5)};${note}`);
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

describe('a 200,000-row file', () => {
  const bytes = largeFile();

  it('is previewed in slices, with progress, while other work still gets turns', async () => {
    const progress: PreviewProgress[] = [];
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    let timerRanBeforeEnd = false;
    const preview = await previewCsvImport(inspectCsv(bytes, 'organisations'), 'organisations', {
      existing: new OrganisationIndex<FieldsOf<'organisations'>>(),
      onProgress: (step) => {
        progress.push(step);
        if (step.fraction < 1 && timerRan) timerRanBeforeEnd = true;
      },
    });
    expect(preview.counts).toEqual({ new: ROWS, duplicate: 0, rejected: 0 });
    const last = preview.rows.at(-1);
    expect(last).toMatchObject({ fate: 'new', row: ROWS + 1 });
    expect(preview.rows[1000]).toMatchObject({
      row: 1002,
      fields: { description: 'Regel één; met puntkomma\nen regel twee 1000', revenueEur: 1000000.5 },
    });
    expect(progress.length).toBeGreaterThan(50);
    expect(progress.map((step) => step.fraction)).toEqual(
      [...progress.map((step) => step.fraction)].sort((a, b) => a - b),
    );
    expect(progress.at(-1)).toEqual({ rows: ROWS, fraction: 1 });
    expect(timerRanBeforeEnd).toBe(true);
  }, 60_000);

  it('stops when cancelled and gives no preview', async () => {
    const controller = new AbortController();
    let lastRows = 0;
    const run = previewCsvImport(inspectCsv(bytes, 'organisations'), 'organisations', {
      existing: new OrganisationIndex<FieldsOf<'organisations'>>(),
      signal: controller.signal,
      onProgress: (step) => {
        lastRows = step.rows;
        if (step.rows > 10_000) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(lastRows).toBeLessThan(ROWS / 2);
  }, 60_000);
});
