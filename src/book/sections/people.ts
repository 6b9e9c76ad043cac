/** The delegation (roles, short bios, photos) and the contact list. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { BookText } from '../book-text';
import type { BookView, PersonRow } from '../book-view';
import { markdownBlocks } from '../markdown';
import { inlines, labelled, RULE, sectionHeading, STYLE } from '../text-nodes';

const PHOTO_WIDTH = 54;

function sensitiveLines(person: PersonRow, view: BookView, text: BookText): Content[] {
  if (!view.sensitive) return [];
  return [
    ...labelled(text.dietaryNeeds, person.dietaryNeeds, view.hint),
    ...labelled(text.emergencyContact, person.emergencyContact, view.hint),
  ];
}

export function delegation(view: BookView, text: BookText): Content[] {
  const out: Content[] = [sectionHeading('sec-delegation', text.delegation, view.hint)];
  for (const member of view.delegation) {
    const person = view.person(member.personId);
    if (!person) continue;
    const photo = person.photoId ? view.photo(person.photoId) : undefined;
    const details: Content[] = [
      { ...STYLE.h2, margin: [0, 0, 0, 1], text: inlines([{ text: view.personName(person.id) }], view.hint) },
      {
        ...STYLE.small,
        margin: [0, 0, 0, 4],
        text: inlines(
          [{ text: [text.roles[member.role], person.jobTitle, person.organisationName].filter(Boolean).join(' · ') }],
          view.hint,
        ),
      },
      ...markdownBlocks(person.bio, view.hint),
      ...labelled(text.hotel, member.hotel, view.hint),
      ...sensitiveLines(person, view, text),
    ];
    out.push(
      photo
        ? {
            columns: [
              {
                image: `data:${photo.mime};base64,${photo.data}`,
                width: PHOTO_WIDTH,
                fit: [PHOTO_WIDTH, PHOTO_WIDTH * 1.3],
              },
              { stack: details, width: '*' },
            ],
            columnGap: 10,
            margin: [0, 4, 0, 8],
          }
        : { stack: details, margin: [0, 4, 0, 8] },
    );
  }
  return out;
}

export function contactList(view: BookView, text: BookText): Content[] {
  const ids = new Set<string>([
    ...view.delegation.map((m) => m.personId),
    ...view.agenda.flatMap((item) => item.contactIds),
  ]);
  const people = [...ids]
    .map((id) => view.person(id))
    .filter((p): p is PersonRow => p !== undefined)
    .sort((a, b) => a.familyName.localeCompare(b.familyName, text.locale) || a.givenName.localeCompare(b.givenName));
  const head = (label: string): TableCell => ({ text: label, ...STYLE.label, fillColor: '#eef1f4' });
  const body: TableCell[][] = [[head(text.name), head(text.organisation), head(text.phoneAndEmail)]];
  for (const person of people) {
    const organisation = view.organisation(person.organisationId)?.name ?? person.organisationName;
    body.push([
      {
        ...STYLE.cell,
        text: inlines(
          [{ text: view.personName(person.id), bold: true }, { text: person.jobTitle ? `\n${person.jobTitle}` : '' }],
          view.hint,
        ),
      },
      { ...STYLE.cell, text: inlines([{ text: organisation }], view.hint) },
      // Stacked, so that a phone number stays on one line and most addresses fit on A5 too.
      { ...STYLE.cell, text: [person.phone, person.email].filter(Boolean).join('\n') },
    ]);
  }
  return [
    sectionHeading('sec-contacts', text.contacts, view.hint),
    {
      // Percentages only: a star column would widen past the page edge for an address that does not
      // fit, where a fixed one makes pdfmake wrap it.
      table: { headerRows: 1, widths: ['31%', '27%', '42%'], body, dontBreakRows: true },
      layout: { hLineWidth: (i: number) => (i === 0 ? 0 : 0.5), vLineWidth: () => 0, hLineColor: () => RULE },
    },
  ];
}
