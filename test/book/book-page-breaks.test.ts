/**
 * Country-sheet sections kept whole in the country briefing: a short section never splits over
 * two pages, and a long one never leaves its heading alone at the foot of a page. A filler note
 * before the section grows one line at a time, so over the sweep the section's heading passes
 * every position at the foot of a page; each book is read back page by page with pdftotext.
 */
import { describe, expect, it } from 'vitest';
import type { BookInput } from '../../src/book/book-input';
import type { SheetSection } from '../../src/domain/briefing-selection';
import { CountrySheetFields } from '../../src/domain/entities/country-sheet';
import { pageCount, pageText, renderToFile, sampleInput } from './pdf-tools';

const sample = sampleInput();
const SHEET_ID = '01a30000-0000-7000-8000-0000000000b1';
const FILLER_ID = '01a30000-0000-7000-8000-0000000000b2';
const flat = (text: string) => text.replace(/\s+/g, ' ');

const sheet = {
  id: SHEET_ID,
  ...CountrySheetFields.parse({
    countryCode: 'TW',
    focus: 'trade_invest',
    planYear: 2027,
    timeZones: ['Asia/Taipei'],
    currency: 'Nieuwe Taiwanese dollar (TWD)',
    languages: 'Mandarijn, Taiwanees',
    emergencyNumbers: 'Politie 110 · Ambulance en brandweer 119',
    visa: 'Geen visum nodig tot 90 dagen.',
    travelAdvice: 'Let op tyfoons tussen juli en oktober.',
    etiquette: 'Visitekaartjes met twee handen aanbieden.',
    // Twenty key contacts: a contacts section longer than what is kept on one page whole.
    keyContacts: Array.from({ length: 20 }, (_, i) => ({
      kind: 'other',
      name: `Contactpersoon nummer ${i + 1} van het netwerk in Taipei`,
      phone: `+886 2 8758 ${String(7200 + i)}`,
      email: `contact${i + 1}@example.org`,
    })),
  }),
};

const template = (() => {
  const [note] = sample.notes;
  if (!note) throw new Error('the sample has notes');
  return note;
})();

/** A note of `lines` one-line paragraphs, then the sheet's section: the last of the briefing. */
function withFiller(lines: number, section: SheetSection): BookInput {
  const filler = {
    ...template,
    id: FILLER_ID,
    title: 'Vulling',
    body: Array.from({ length: lines }, (_, i) => `Regel ${i + 1} van de vulling.`).join('\n\n'),
  };
  return {
    ...sample,
    mission: {
      ...sample.mission,
      briefingSelection: [
        { kind: 'note', id: FILLER_ID, section: '' },
        { kind: 'sheet', id: SHEET_ID, section },
      ],
    },
    notes: [filler],
    countrySheets: [sheet],
  };
}

/** Renders the book and returns, per page that holds `heading`, that page's text. */
async function headingPage(input: BookInput, heading: string): Promise<{ page: string; next: string }> {
  const path = await renderToFile(input, { language: 'nl', sections: ['country'] });
  const count = pageCount(path);
  for (let page = 1; page <= count; page++) {
    const text = pageText(path, page);
    if (text.split('\n').some((line) => line.trim() === heading)) {
      return { page: flat(text), next: page < count ? flat(pageText(path, page + 1)) : '' };
    }
  }
  throw new Error(`no page holds ${heading}`);
}

// One-line paragraphs of the filler: enough steps that the heading crosses the foot of a page.
const SWEEP = Array.from({ length: 16 }, (_, i) => 30 + i * 2);

describe('country-sheet sections at the foot of a page', () => {
  it('keeps a short section (the practical one) whole on one page', async () => {
    for (const lines of SWEEP) {
      const { page } = await headingPage(withFiller(lines, 'practical'), 'Taiwan · Praktisch');
      for (const text of [
        'Tijdzones: Asia/Taipei',
        'Noodnummers: Politie 110',
        'Geen visum nodig',
        'Visitekaartjes met twee handen aanbieden.',
      ]) {
        expect(page, `filler of ${lines} lines`).toContain(text);
      }
    }
  }, 120_000);

  it('keeps the heading of a long section (twenty key contacts) with its first lines', async () => {
    // 28 lines of filler leave room for the heading and not for a line under it (found by a
    // sweep without the keep): the heading moves to the top of the next page with its contacts.
    const { page, next } = await headingPage(withFiller(28, 'contacts'), 'Taiwan · Contacten');
    expect(page).toContain('Contactpersoon nummer 1 van het netwerk');
    expect(page.indexOf('Taiwan · Contacten')).toBeLessThan(page.indexOf('Contactpersoon nummer 1 '));
    // Still one section: what did not fit continues on the next page, nothing is lost.
    expect(`${page} ${next}`).toContain('Contactpersoon nummer 20 van het netwerk');
  }, 120_000);
});
