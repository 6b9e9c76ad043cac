/**
 * Target organisation profiles and the country briefing: the mission's chosen country-sheet
 * sections and intelligence notes, in the chosen order, each note with its source and date.
 */
import type { Content } from 'pdfmake/interfaces';
import { countryName } from '../../domain/countries';
import type { SheetSection } from '../../domain/briefing-selection';
import { formatDate } from '../../domain/time';
import type { BookText } from '../book-text';
import { hintFor, type BookView, type NoteRow, type SheetRow } from '../book-view';
import { markdownBlocks } from '../markdown';
import { inlines, keepWithHeading, labelled, para, sectionHeading, STYLE } from '../text-nodes';

export function targets(view: BookView, text: BookText): Content[] {
  const out: Content[] = [sectionHeading('sec-targets', text.targets, view.hint)];
  if (view.targets.length === 0) out.push(para(text.noEntries, STYLE.body, view.hint));
  for (const target of view.targets) {
    const organisation = view.organisation(target.organisationId);
    if (!organisation) continue;
    const hint = hintFor(view, organisation);
    out.push(
      {
        ...STYLE.h2,
        text: inlines(
          [{ text: organisation.name }, ...(organisation.localName ? [{ text: `  ${organisation.localName}` }] : [])],
          hint,
        ),
      },
      {
        ...STYLE.small,
        margin: [0, 0, 0, 4],
        text: inlines(
          [
            {
              text: [
                `${text.priority} ${target.priority}`,
                organisation.industry,
                organisation.city,
                organisation.employees === null
                  ? ''
                  : `${organisation.employees.toLocaleString(text.locale)} ${text.employees.toLowerCase()}`,
              ]
                .filter(Boolean)
                .join(' · '),
            },
          ],
          hint,
        ),
      },
      ...labelled(text.objective, target.objective, view.hint),
      ...markdownBlocks(organisation.description, hint),
      ...(organisation.website ? [{ text: organisation.website, ...STYLE.small, link: organisation.website }] : []),
    );
  }
  return out;
}

/** "Taiwan · Jaarplan 2027": the heading of one country-sheet section. */
function sheetHeading(sheet: SheetRow, section: SheetSection, view: BookView, text: BookText): string {
  const name = countryName(sheet.countryCode, view.options.language);
  const part =
    section === 'plan'
      ? [text.plan, sheet.planYear === null ? '' : String(sheet.planYear)].filter(Boolean).join(' ')
      : section === 'contacts'
        ? text.sheetContacts
        : text.sheetPractical;
  return `${name} · ${part}`;
}

/** A labelled block of Markdown (goals, etiquette): the label as a small heading, then the text. */
function block(label: string, value: string, view: BookView): Content[] {
  if (value.trim() === '') return [];
  return keepWithHeading([{ text: label, ...STYLE.h3 }], markdownBlocks(value, view.hint));
}

/** One key contact: kind and name, then phone, e-mail and address. */
export function keyContactLines(contact: SheetRow['keyContacts'][number], view: BookView, text: BookText): Content[] {
  return labelled(
    text.contactKinds[contact.kind],
    [contact.name, contact.phone, contact.email, contact.address.replace(/\s*\n\s*/g, ', ')]
      .filter(Boolean)
      .join(' · '),
    view.hint,
  );
}

/** One country-sheet section, its heading kept with its first lines (the whole section when short). */
function sheetSection(sheet: SheetRow, section: SheetSection, view: BookView, text: BookText): Content[] {
  const heading = { ...STYLE.h2, text: inlines([{ text: sheetHeading(sheet, section, view, text) }], view.hint) };
  const out: Content[] = [];
  switch (section) {
    case 'plan':
      out.push(
        ...labelled(text.focus, text.focusValues[sheet.focus], view.hint),
        ...labelled(text.prioritySectors, sheet.prioritySectors.map((s) => text.sectors[s]).join(', '), view.hint),
        ...labelled(
          text.jobTarget,
          sheet.jobTarget === null ? '' : sheet.jobTarget.toLocaleString(text.locale),
          view.hint,
        ),
        ...block(text.goals, sheet.goals, view),
        ...block(text.plannedActivities, sheet.plannedActivities, view),
      );
      break;
    case 'contacts':
      out.push(
        ...labelled(text.countryTeam, sheet.teamPersonIds.map(view.personName).filter(Boolean).join(', '), view.hint),
        ...sheet.keyContacts.flatMap((contact) => keyContactLines(contact, view, text)),
      );
      break;
    case 'practical':
      out.push(
        ...labelled(text.timeZones, sheet.timeZones.join(', '), view.hint),
        ...labelled(text.currency, sheet.currency, view.hint),
        ...labelled(text.languages, sheet.languages, view.hint),
        ...labelled(text.emergency, sheet.emergencyNumbers, view.hint),
        ...block(text.visa, sheet.visa, view),
        ...block(text.travelAdvice, sheet.travelAdvice, view),
        ...block(text.etiquette, sheet.etiquette, view),
      );
      break;
  }
  return keepWithHeading([heading], out);
}

/** "Bron: Netherlands Office Taipei, datum 1 maart 2027" (a link when the note has a URL). */
function noteSource(note: NoteRow, view: BookView, text: BookText): Content {
  const source = [
    note.source || (note.sourceUrl ? '' : text.sourceUnknown),
    note.sourceDate ? `${text.sourceDate} ${formatDate(note.sourceDate, text.locale)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    ...STYLE.small,
    margin: [0, 0, 0, 4],
    text: inlines([{ text: `${text.source}: ${source}` }], view.hint),
  };
}

/** A note's source address, as a link (the PDF reader asks before it opens it). */
function sourceLink(url: string): Content {
  return { text: url, ...STYLE.small, link: url, margin: [0, 0, 0, 4] };
}

/** The country briefing: the chosen sheet sections and notes, in the chosen order. */
export function country(view: BookView, text: BookText): Content[] {
  const out: Content[] = [sectionHeading('sec-country', text.country, view.hint)];
  if (view.briefing.length === 0) out.push(para(text.noEntries, STYLE.body, view.hint));
  for (const entry of view.briefing) {
    if (entry.kind === 'sheet') {
      out.push(...sheetSection(entry.sheet, entry.section, view, text));
      continue;
    }
    const note = entry.note;
    out.push(
      ...keepWithHeading(
        [
          { ...STYLE.h2, text: inlines([{ text: note.title }], view.hint) },
          noteSource(note, view, text),
          ...(note.sourceUrl ? [sourceLink(note.sourceUrl)] : []),
        ],
        markdownBlocks(note.body, view.hint),
      ),
    );
  }
  return out;
}
