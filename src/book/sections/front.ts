/** The cover and the table of contents. */
import type { Content } from 'pdfmake/interfaces';
import { countryName } from '../../domain/countries';
import { formatDate } from '../../domain/time';
import type { BookIssue } from '../book-input';
import type { BookText } from '../book-text';
import type { BookView } from '../book-view';
import { ACCENT, INK, MUTED, para, RULE, STYLE } from '../text-nodes';

export function audienceLabel(view: BookView, text: BookText): string {
  switch (view.options.audience) {
    case 'administrator':
      return text.administratorBook;
    case 'team':
      return text.teamBook;
    case 'personal':
      return `${text.personalBookFor} ${view.personName(view.options.memberPersonId)}`;
  }
}

export function cover(view: BookView, text: BookText, issue: BookIssue): Content[] {
  const { mission } = view;
  const lang = view.options.language;
  const countries = mission.countryCodes.map((code) => countryName(code, lang)).join(' · ');
  const dates = `${formatDate(mission.startDate, text.locale)} – ${formatDate(mission.endDate, text.locale)}`;
  const marking = text.classification[mission.classification];
  return [
    marking
      ? {
          text: marking.toUpperCase(),
          fontSize: 11,
          bold: true,
          color: ACCENT,
          characterSpacing: 2,
          margin: [0, 0, 0, 90],
        }
      : { text: '', margin: [0, 0, 0, 104] },
    {
      text: text.briefingBook.toUpperCase(),
      fontSize: 10,
      bold: true,
      color: MUTED,
      characterSpacing: 2,
      margin: [0, 0, 0, 10],
    },
    para(mission.title, STYLE.title, view.hint),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 2, lineColor: ACCENT }],
      margin: [0, 6, 0, 14],
    },
    para(countries, { fontSize: 14, color: INK, margin: [0, 0, 0, 4] }, view.hint),
    para(mission.cities.join(', '), { fontSize: 11, color: MUTED, margin: [0, 0, 0, 4] }, view.hint),
    { text: dates, fontSize: 11, color: INK, margin: [0, 0, 0, 30] },
    ...(view.head
      ? [
          { text: text.headOfDelegation, ...STYLE.label },
          para(view.head, { fontSize: 12, color: INK, margin: [0, 2, 0, 30] }, view.hint),
        ]
      : []),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: 400, y2: 0, lineWidth: 0.5, lineColor: RULE }],
      margin: [0, 20, 0, 8],
    },
    para(audienceLabel(view, text), { fontSize: 9.5, color: INK }, view.hint),
    {
      text: `${text.version} ${issue.version} · ${text.issued} ${formatDate(issue.issuedAt.slice(0, 10), text.locale)}`,
      fontSize: 9.5,
      color: MUTED,
    },
  ];
}

export function contents(text: BookText): Content[] {
  return [
    {
      toc: {
        title: { text: text.contents, ...STYLE.h1, outline: true, outlineText: text.contents, id: 'sec-contents' },
        numberStyle: { fontSize: 10 },
      },
    },
  ];
}
