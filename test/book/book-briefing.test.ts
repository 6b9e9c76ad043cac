/**
 * The country briefing in the book, read back with pdftotext: the chosen country-sheet sections
 * and notes in the chosen order, each note with its source and date, a left-out note absent, and
 * the practical page taking the sheet's emergency numbers, embassy and consulate. A dossier with
 * no sheet and no choice (the sample) prints its notes as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDossierInput } from '../../scripts/book';
import type { BookInput } from '../../src/book/book-input';
import { CountrySheetFields } from '../../src/domain/entities/country-sheet';
import { pagesText, renderToFile, sampleInput } from './pdf-tools';

const sample = sampleInput();
const flat = (text: string) => text.replace(/\s+/g, ' ');

const SHEET_ID = '01a30000-0000-7000-8000-0000000000a1';
const GONE_NOTE_ID = '01a30000-0000-7000-8000-0000000000a2';
const sheet = {
  id: SHEET_ID,
  ...CountrySheetFields.parse({
    countryCode: 'TW',
    focus: 'trade_invest',
    prioritySectors: ['ict', 'life_sciences_health'],
    planYear: 2027,
    goals: 'Drie **nieuwe** vestigingen van Taiwanese chipbedrijven in de regio.',
    plannedActivities: 'Handelsmissie in maart; ontvangst van een delegatie uit Hsinchu in oktober.',
    jobTarget: 120,
    keyContacts: [
      { kind: 'embassy', name: 'Netherlands Office Taipei', phone: '+886 2 8758 7200', email: 'tpe@minbuza.nl' },
      { kind: 'consulate', name: 'Consulaat Kaohsiung', phone: '+886 7 555 0101' },
      { kind: 'nbso', name: 'NBSO Taichung', phone: '+886 4 2222 0000' },
    ],
    timeZones: ['Asia/Taipei'],
    currency: 'Nieuwe Taiwanese dollar (TWD)',
    languages: 'Mandarijn, Taiwanees',
    etiquette: 'Visitekaartjes met twee handen aanbieden.',
    visa: 'Geen visum nodig tot 90 dagen.',
    emergencyNumbers: 'Politie 110 · Ambulance en brandweer 119',
  }),
};

const [economy, hsinchu, etiquette] = sample.notes;
if (!economy || !hsinchu || !etiquette) throw new Error('the sample has three notes');
const dated = sample.notes.map((note, i) => ({
  ...note,
  sourceDate: ['2027-01-12', '2026-11-03', '2026-09-30'][i] ?? '',
}));

/** Etiquette first, then the sheet's contacts, a note deleted since, the economy, the plan; Hsinchu left out. */
const withChoice: BookInput = {
  ...sample,
  mission: {
    ...sample.mission,
    briefingSelection: [
      { kind: 'note', id: etiquette.id, section: '' },
      { kind: 'sheet', id: SHEET_ID, section: 'contacts' },
      { kind: 'note', id: GONE_NOTE_ID, section: '' },
      { kind: 'note', id: economy.id, section: '' },
      { kind: 'sheet', id: SHEET_ID, section: 'plan' },
    ],
  },
  notes: dated,
  countrySheets: [sheet],
};

/** The text from the page where `heading` stands on a line of its own (not the contents) to the end. */
function section(pages: string[], heading: string): string {
  const start = pages.findIndex((page) => page.split('\n').some((line) => line.trim() === heading));
  if (start < 0) throw new Error(`no section ${heading}`);
  return flat(pages.slice(start).join(' '));
}

describe('a mission whose briefing was chosen by hand (Dutch)', () => {
  let pages: string[] = [];
  let all = '';
  beforeAll(async () => {
    pages = pagesText(await renderToFile(withChoice, { language: 'nl' }));
    all = flat(pages.join(' '));
  }, 60_000);

  it('prints the chosen notes and sheet sections in the chosen order', () => {
    const briefing = section(pages, 'Landenbriefing');
    const order = [etiquette.title, 'Taiwan · Contacten', economy.title, 'Taiwan · Jaarplan 2027'].map((title) =>
      briefing.indexOf(title),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('prints each note with its source and date', () => {
    expect(all).toContain(`Bron: ${economy.source}, datum 12 januari 2027`);
    expect(all).toContain(`Bron: ${etiquette.source}, datum 30 september 2026`);
  });

  it('leaves out the note that was not chosen and the one deleted since', () => {
    expect(all).not.toContain(hsinchu.title);
    expect(all).not.toContain(hsinchu.source);
  });

  it('prints what the chosen sheet sections hold, and not the section that was left out', () => {
    const briefing = section(pages, 'Landenbriefing');
    for (const text of [
      'Focus: Trade en invest',
      'Prioritaire sectoren: ICT, Life sciences & health',
      'Doel voor banen: 120',
      'Drie nieuwe vestigingen',
      'NBSO: NBSO Taichung · +886 4 2222 0000',
    ]) {
      expect(briefing).toContain(text);
    }
    expect(briefing).not.toContain('Taiwan · Praktisch');
  });

  it('takes the practical page’s emergency numbers, embassy, consulate and country facts from the sheet', () => {
    const page = pages.find((p) => p.includes('Noodnummers'));
    if (!page) throw new Error('no practical page');
    const text = flat(page);
    expect(text).toContain('Politie 110 · Ambulance en brandweer 119');
    expect(text).toContain('Ambassade: Netherlands Office Taipei · +886 2 8758 7200 · tpe@minbuza.nl');
    expect(text).toContain('Consulaat: Consulaat Kaohsiung · +886 7 555 0101');
    expect(text).toContain('Valuta: Nieuwe Taiwanese dollar (TWD)');
    expect(text).toContain('Visum: Geen visum nodig tot 90 dagen.');
    expect(text).toContain('Visitekaartjes met twee handen aanbieden.');
    expect(text).not.toContain('zie de landenbriefing');
  });
});

describe('the same choice in English', () => {
  it('prints source and date and the sheet’s sections in English', async () => {
    const all = flat(
      pagesText(await renderToFile(withChoice, { language: 'en', sections: ['practical', 'country'] })).join(' '),
    );
    expect(all).toContain(`Source: ${economy.source}, date 12 January 2027`);
    expect(all).toContain('Taiwan · Annual plan 2027');
    expect(all).toContain('Embassy: Netherlands Office Taipei');
    expect(all).toContain('Emergency numbers Politie 110');
  }, 60_000);
});

describe('a dossier without sheets or a choice (the sample)', () => {
  it('prints every note it holds, with its source, and the general emergency text', async () => {
    const pages = pagesText(await renderToFile(sample, { language: 'nl', sections: ['practical', 'country'] }));
    const briefing = section(pages, 'Landenbriefing');
    const at = sample.notes.map((note) => briefing.indexOf(flat(note.title)));
    expect(at.every((i) => i >= 0)).toBe(true);
    for (const note of sample.notes) expect(briefing).toContain(`Bron: ${note.source}`);
    expect(flat(pages.join(' '))).toContain('Alarmnummer ter plaatse: zie de landenbriefing');
  }, 60_000);
});

describe('a dossier file with a country sheet and a choice (the CLI’s reader)', () => {
  it('reads the sheet and the choice from the file and prints them in that order', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'book-briefing-')), 'dossier.json');
    writeFileSync(
      path,
      JSON.stringify({
        ...withChoice,
        format: 'mission-dossier',
        formatVersion: 2,
        exportedAt: '2027-03-01T09:00:00.000Z',
      }),
    );
    const { input } = await readDossierInput(path);
    const briefing = section(
      pagesText(await renderToFile(input, { language: 'nl', sections: ['country'] })),
      'Landenbriefing',
    );
    const order = [etiquette.title, 'Taiwan · Contacten', economy.title, 'Taiwan · Jaarplan 2027'].map((t) =>
      briefing.indexOf(t),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(briefing).not.toContain(hsinchu.title);
  }, 60_000);
});
