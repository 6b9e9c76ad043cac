/**
 * buildBriefingBook: dossier + options → pdfmake document definition. Pure: no fonts, no I/O.
 * Every section is a pdfmake `section` so it starts a page and carries its own running header;
 * the footer prints the classification and "page X of Y" on every page.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { countryName } from '../domain/countries';
import type { BookInput, BookIssue, BookOptions, BookSection } from './book-input';
import { BOOK_TEXT, type BookText } from './book-text';
import { bookView, type BookView } from './book-view';
import { LATIN_FONT } from './fonts';
import { changes, type PreviousIssue } from './sections/changes';
import { contents, cover } from './sections/front';
import { country, targets } from './sections/knowledge';
import { meetings } from './sections/meetings';
import { contactList, delegation } from './sections/people';
import { practical } from './sections/practical';
import { programme } from './sections/programme';
import { inlines, MUTED, RULE } from './text-nodes';

const MARGINS = { A4: [56, 62, 56, 56], A5: [36, 52, 36, 48] } as const;

function sectionTitle(section: BookSection, text: BookText): string {
  return section === 'cover' ? '' : text[section];
}

function runningHeader(view: BookView, title: string) {
  return () => ({
    margin: [MARGINS[view.options.paper][0], 24, MARGINS[view.options.paper][2], 0] as [number, number, number, number],
    columns: [
      { text: inlines([{ text: view.mission.title }], view.hint), fontSize: 7.5, color: MUTED, width: '*' },
      { text: title, fontSize: 7.5, color: MUTED, alignment: 'right' as const, width: 'auto' },
    ],
  });
}

function footer(view: BookView, text: BookText) {
  const marking = text.classification[view.mission.classification];
  const side = MARGINS[view.options.paper][0];
  return (currentPage: number, pageCount: number): Content => ({
    margin: [side, 14, side, 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 30, y2: 0, lineWidth: 0.5, lineColor: RULE }] },
      {
        columns: [
          { text: marking.toUpperCase(), fontSize: 7.5, bold: true, color: '#a3122a', width: '*' },
          {
            text: `${text.page} ${currentPage} ${text.of} ${pageCount}`,
            fontSize: 7.5,
            color: MUTED,
            alignment: 'right',
            width: 'auto',
          },
        ],
        margin: [0, 4, 0, 0],
      },
    ],
  });
}

export interface BuildContext {
  readonly issue: BookIssue;
  /** The previous issued book of this mission, for the "what changed" page. */
  readonly previous?: PreviousIssue;
}

export function buildBriefingBook(input: BookInput, options: BookOptions, context: BuildContext): TDocumentDefinitions {
  const view = bookView(input, options);
  const text = BOOK_TEXT[options.language];
  const wanted = new Set(options.sections);
  const builders: Record<BookSection, () => Content[]> = {
    cover: () => cover(view, text, context.issue),
    contents: () => contents(text),
    changes: () => changes(view, text, context.previous),
    practical: () => practical(view, text),
    programme: () => programme(view, text),
    delegation: () => delegation(view, text),
    meetings: () => meetings(view, text),
    targets: () => targets(view, text),
    country: () => country(view, text),
    contacts: () => contactList(view, text),
  };
  const order = Object.keys(builders) as BookSection[];
  const content = order
    .filter((section) => wanted.has(section))
    .map((section) => ({
      section: builders[section](),
      header: section === 'cover' ? null : runningHeader(view, sectionTitle(section, text)),
    }));
  const countries = view.mission.countryCodes.map((code) => countryName(code, options.language)).join(', ');
  return {
    pageSize: options.paper,
    pageMargins: [...MARGINS[options.paper]],
    defaultStyle: { font: LATIN_FONT, fontSize: 9.5, lineHeight: 1.2 },
    footer: footer(view, text),
    content,
    language: text.locale,
    info: {
      title: `${text.briefingBook}: ${view.mission.title}`,
      author: 'Trade & Invest Regio Utrecht',
      subject: `${countries}, ${view.mission.startDate} – ${view.mission.endDate}`,
      keywords: text.classification[view.mission.classification],
      creator: 'Mission Dossier',
      producer: 'Mission Dossier (pdfmake)',
      creationDate: new Date(context.issue.issuedAt),
      modDate: new Date(context.issue.issuedAt),
    },
  };
}
