/** A briefing page per meeting: objective, participants, counterpart, talking points, logistics. */
import type { Content } from 'pdfmake/interfaces';
import { formatDayIn } from '../../domain/time';
import type { BookText } from '../book-text';
import { hintFor, type AgendaRow, type BookView } from '../book-view';
import { markdownBlocks } from '../markdown';
import { inlines, labelled, MUTED, para, sectionHeading, STYLE } from '../text-nodes';
import { twoZoneTimes } from './programme';

function block(title: string, body: string, view: BookView): Content[] {
  if (body.trim() === '') return [];
  return [{ text: title, ...STYLE.h3 }, ...markdownBlocks(body, view.hint)];
}

function meetingPage(item: AgendaRow, index: number, view: BookView, text: BookText): Content[] {
  const organisation = view.organisation(item.organisationId);
  const orgHint = hintFor(view, organisation);
  const times = twoZoneTimes(item, text);
  const participants =
    item.participantIds.length === 0
      ? text.wholeDelegation
      : item.participantIds.map(view.personName).filter(Boolean).join(', ');
  const contacts = item.contactIds
    .map((id) => {
      const person = view.person(id);
      return person ? [view.personName(id), person.jobTitle].filter(Boolean).join(', ') : '';
    })
    .filter(Boolean);
  const id = `meeting-${index + 1}`;
  return [
    {
      ...STYLE.h1,
      fontSize: 14,
      id,
      text: inlines([{ text: item.title }], view.hint),
      pageBreak: index === 0 ? undefined : 'before',
      tocItem: true,
      tocStyle: { fontSize: 9, color: MUTED },
      tocMargin: [14, 1, 0, 0],
      outline: true,
      outlineText: item.title,
      outlineParentId: 'sec-meetings',
      margin: [0, 0, 0, 2],
    },
    {
      text: `${formatDayIn(item.start, item.timeZone, text.locale)} · ${times.local} ${text.local} · ${times.home} ${text.dutchTime}`,
      ...STYLE.small,
      margin: [0, 0, 0, 8],
    },
    ...labelled(text.where, [item.location, item.address, item.city].filter(Boolean).join(', '), view.hint),
    ...labelled(text.participants, participants, view.hint),
    ...block(text.objective, item.objective, view),
    ...(organisation
      ? [
          { text: text.counterpart, ...STYLE.h3 },
          {
            ...STYLE.body,
            text: inlines(
              [
                { text: organisation.name, bold: true },
                ...(organisation.localName ? [{ text: `  ${organisation.localName}` }] : []),
                ...(organisation.city ? [{ text: ` — ${organisation.city}` }] : []),
              ],
              orgHint,
            ),
          },
          ...markdownBlocks(organisation.description, orgHint),
        ]
      : []),
    ...labelled(text.contactsMet, contacts.join('; '), orgHint),
    ...block(text.talkingPoints, item.talkingPoints, view),
    ...block(text.background, item.background, view),
    ...(item.transport || item.dressCode || item.mapsUrl ? [{ text: text.logistics, ...STYLE.h3 }] : []),
    ...labelled(text.transport, item.transport, view.hint),
    ...labelled(text.dressCode, item.dressCode, view.hint),
    ...(item.mapsUrl ? [{ text: item.mapsUrl, ...STYLE.small, link: item.mapsUrl }] : []),
    ...block(text.notes, item.notes, view),
  ];
}

export function meetings(view: BookView, text: BookText): Content[] {
  const out: Content[] = [sectionHeading('sec-meetings', text.meetings, view.hint)];
  if (view.meetings.length === 0) out.push(para(text.noEntries, STYLE.body, view.hint));
  view.meetings.forEach((item, index) => out.push(...meetingPage(item, index, view, text)));
  return out;
}
