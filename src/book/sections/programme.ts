/** The programme at a glance: a table per local day, each time in local and Dutch time. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { groupAgendaByLocalDay, timeRangeInTwoZones } from '../../domain/dossier-view';
import { formatDate } from '../../domain/time';
import type { BookText } from '../book-text';
import type { AgendaRow, BookView } from '../book-view';
import { inlines, INK, MUTED, RULE, sectionHeading, STYLE } from '../text-nodes';

/** "09:00–10:30" plus the day shift of the home time when it falls on another day. */
export function twoZoneTimes(item: AgendaRow, text: BookText): { local: string; home: string } {
  const range = timeRangeInTwoZones(item, text.locale);
  const shift =
    range.homeDayOffset > 0 ? ` ${text.dayOffsetNext}` : range.homeDayOffset < 0 ? ` ${text.dayOffsetPrevious}` : '';
  return { local: range.local, home: `${range.home}${shift}` };
}

const headerCell = (label: string): TableCell => ({ text: label, ...STYLE.label, fillColor: '#eef1f4' });

export function programme(view: BookView, text: BookText): Content[] {
  const days = groupAgendaByLocalDay(view.agenda);
  const out: Content[] = [sectionHeading('sec-programme', text.programme, view.hint)];
  if (days.length === 0) out.push({ text: text.noEntries, ...STYLE.body });
  for (const day of days) {
    // The date is the table's first header row, so it repeats on a new page and never strands.
    const rows: TableCell[][] = [
      [{ text: formatDate(day.date, text.locale), ...STYLE.h2, margin: [0, 0, 0, 2], colSpan: 4 }, '', '', ''],
      [
        headerCell(`${text.time} (${text.local})`),
        headerCell(text.dutchTime),
        headerCell(text.what),
        headerCell(text.where),
      ],
    ];
    for (const item of day.items) {
      const times = twoZoneTimes(item, text);
      const organisation = view.organisation(item.organisationId);
      const where = [item.location, item.city].filter(Boolean).join(', ');
      rows.push([
        { text: times.local, ...STYLE.cell },
        { text: times.home, fontSize: 8.5, color: MUTED },
        {
          ...STYLE.cell,
          text: inlines(
            [{ text: item.title, bold: true }, ...(organisation ? [{ text: `\n${organisation.name}` }] : [])],
            view.hint,
          ),
        },
        { ...STYLE.cell, text: inlines([{ text: where }], view.hint) },
      ]);
    }
    out.push({
      table: { headerRows: 2, keepWithHeaderRows: 1, widths: [58, 62, '*', '30%'], body: rows, dontBreakRows: true },
      layout: {
        hLineWidth: (i: number) => (i < 2 ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => RULE,
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
      margin: [0, 6, 0, 6],
      color: INK,
    });
  }
  return out;
}
