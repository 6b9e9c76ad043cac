/**
 * Books rendered from the sample mission and read back with pdftotext, pdfinfo, pdffonts and
 * qpdf: what a reader gets, not what the builder meant.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BookInput } from '../../src/book/book-input';
import { fonts, outline, pageCount, pagesText, pdfInfo, renderToFile, sampleInput, wordExtents } from './pdf-tools';

const sample = sampleInput();
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the administrator’s book of the sample (Dutch, A4)', () => {
  let path = '';
  let pages: string[] = [];
  beforeAll(async () => {
    path = await renderToFile(sample, { language: 'nl', audience: 'administrator', paper: 'A4' });
    pages = pagesText(path);
  }, 60_000);

  it('prints every meeting, delegation member and organisation, the Chinese names included', () => {
    const all = flat(pages.join(' '));
    for (const item of sample.agenda) expect(all).toContain(flat(item.title));
    for (const member of sample.delegation) {
      const person = sample.people.find((p) => p.id === member.personId);
      expect(all).toContain(`${person?.givenName} ${person?.familyName}`);
    }
    for (const organisation of sample.organisations) {
      expect(all).toContain(organisation.name);
      if (organisation.localName) expect(all.replace(/ /g, '')).toContain(organisation.localName);
    }
  });

  it('has page X of Y and the classification on every page', () => {
    expect(pageCount(path)).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain(`pagina ${i + 1} van ${pages.length}`);
      expect(page).toContain('VERTROUWELIJK');
    });
  });

  it('embeds and subsets every font, with a CJK font for the Chinese names', () => {
    const rows = fonts(path);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row, row.name).toMatchObject({ embedded: true, subset: true });
    expect(rows.some((row) => row.name.includes('NotoSansHant'))).toBe(true);
  });

  it('has an outline entry per section and per meeting, pointing where they start', () => {
    const entries = outline(path);
    const titles = entries.map((e) => e.title);
    for (const title of ['Inhoud', 'Praktische informatie', 'Programma in één oogopslag', 'Delegatie', 'Afspraken']) {
      expect(titles).toContain(title);
    }
    for (const title of ['Doelorganisaties', 'Landenbriefing', 'Contactlijst']) expect(titles).toContain(title);
    const meetings = entries.find((e) => e.title === 'Afspraken');
    expect(meetings?.kids.map((k) => k.title)).toContain('Gesprek TaiGrid Energy Systems over slim laden');
    for (const kid of meetings?.kids ?? []) expect(flat(pages[kid.page - 1] ?? '')).toContain(flat(kid.title));
  });

  it('gives page numbers in the contents that are where each section starts', () => {
    const toc = pages[1] ?? '';
    const sections = ['Praktische informatie', 'Delegatie', 'Doelorganisaties', 'Landenbriefing', 'Contactlijst'];
    for (const title of sections) {
      const line = toc.split('\n').find((l) => l.trim().startsWith(title));
      const page = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
      expect(page, title).toBeGreaterThan(2);
      // The section's heading is on that page, and the page before belongs to another section.
      expect(pages[page - 1]?.split('\n').slice(0, 6).join('\n')).toContain(title);
      expect(pages[page - 2]?.split('\n')[0]).not.toContain(title);
    }
  });

  it('sets the document metadata', () => {
    const info = pdfInfo(path);
    expect(info.Title).toBe('Briefingboek: Handelsmissie Taiwan: Taipei en Hsinchu');
    expect(info.Author).toBe('Trade & Invest Regio Utrecht');
    expect(info.Subject).toContain('Taiwan');
  });

  it('never holds sensitive personal fields', () => {
    expect(pages.join(' ')).not.toContain('Vegetarisch');
  });
});

describe('audiences', () => {
  it('the team book does print the dietary needs the administrator’s book leaves out', async () => {
    const path = await renderToFile(sample, { language: 'nl', audience: 'team', sections: ['delegation'] });
    expect(pagesText(path).join(' ')).toContain('Vegetarisch');
  }, 60_000);

  it('a personal book holds only the items that member attends', async () => {
    const joost = sample.people.find((p) => p.givenName === 'Joost');
    const path = await renderToFile(sample, {
      language: 'en',
      audience: 'personal',
      memberPersonId: joost?.id ?? '',
      sections: ['cover', 'programme', 'meetings'],
    });
    const all = flat(pagesText(path).join(' '));
    expect(all).toContain('Personal book for Joost Brouwer');
    for (const item of sample.agenda) {
      const attends = item.participantIds.length === 0 || item.participantIds.includes(joost?.id ?? '');
      if (attends) expect(all).toContain(flat(item.title));
      else expect(all).not.toContain(flat(item.title));
    }
  }, 60_000);
});

describe('Dutch times across a daylight-saving change', () => {
  it('shows 10:00 in Taipei as 03:00 before and 04:00 after the Dutch clocks go forward (28 March 2027)', async () => {
    const first = sample.agenda[0];
    if (!first) throw new Error('the sample has an agenda');
    const input: BookInput = {
      ...sample,
      mission: { ...sample.mission, endDate: '2027-03-30' },
      agenda: [
        {
          ...first,
          id: '01a30000-0000-7000-8000-000000000001',
          title: 'Before the change',
          start: '2027-03-27T02:00:00.000Z',
          end: '2027-03-27T03:00:00.000Z',
        },
        {
          ...first,
          id: '01a30000-0000-7000-8000-000000000002',
          title: 'After the change',
          start: '2027-03-29T02:00:00.000Z',
          end: '2027-03-29T03:00:00.000Z',
        },
      ],
    };
    const path = await renderToFile(input, { language: 'en', sections: ['programme'] });
    const lines = pagesText(path).join('\n').split('\n');
    const before = lines.find((l) => l.includes('Before the change'));
    const after = lines.find((l) => l.includes('After the change'));
    expect(before).toMatch(/10:00–11:00\s+03:00–04:00/);
    expect(after).toMatch(/10:00–11:00\s+04:00–05:00/);
  }, 60_000);
});

describe('Chinese, Japanese and Korean names', () => {
  it('prints them family name first, in the Japanese and Korean fonts, on the delegation and contact pages', async () => {
    const names = [
      { givenName: 'さくら', familyName: '佐藤', written: '佐藤さくら' },
      { givenName: '민준', familyName: '김', written: '김민준' },
      { givenName: '志明', familyName: '陳', written: '陳志明' },
    ];
    const memberIds = sample.delegation.slice(0, names.length).map((m) => m.personId);
    const input: BookInput = {
      ...sample,
      people: sample.people.map((person) => {
        const name = names[memberIds.indexOf(person.id)];
        return name ? { ...person, givenName: name.givenName, familyName: name.familyName } : person;
      }),
    };
    const path = await renderToFile(input, { language: 'en', paper: 'A5', sections: ['delegation', 'contacts'] });
    const all = pagesText(path).join(' ').replace(/\s/g, '');
    for (const { written, givenName, familyName } of names) {
      expect(all).toContain(written);
      expect(all).not.toContain(`${givenName}${familyName}`);
    }
    const rows = fonts(path);
    for (const font of ['NotoSansJP', 'NotoSansKR', 'NotoSansHant']) {
      expect(
        rows.some((row) => row.name.includes(font)),
        font,
      ).toBe(true);
    }
  }, 60_000);
});

describe('the page edges', () => {
  // The side margins are 56 pt on A4 and 36 pt on A5; no word may run into them, let alone off the page.
  it.each([
    ['nl', 'A4', 56],
    ['en', 'A5', 36],
  ] as const)(
    'keeps every word of the %s %s book inside the margins, long e-mail addresses too',
    async (language, paper, side) => {
      const path = await renderToFile(sample, { language, paper, audience: 'team' });
      const outside = wordExtents(path).filter((w) => w.xMin < side - 1 || w.xMax > w.pageWidth - side + 1);
      expect(outside.map((w) => `p${w.page} ${w.text} ${w.xMin}–${w.xMax}`)).toEqual([]);
    },
    60_000,
  );
});
