/** Target organisation profiles and the country briefing (the mission's intelligence notes). */
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from '../../domain/time';
import type { BookText } from '../book-text';
import { hintFor, type BookView } from '../book-view';
import { markdownBlocks } from '../markdown';
import { inlines, labelled, para, sectionHeading, STYLE } from '../text-nodes';

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

export function country(view: BookView, text: BookText): Content[] {
  const out: Content[] = [sectionHeading('sec-country', text.country, view.hint)];
  if (view.notes.length === 0) out.push(para(text.noEntries, STYLE.body, view.hint));
  for (const note of view.notes) {
    const source = [
      note.source,
      note.sourceDate ? `${text.sourceDate} ${formatDate(note.sourceDate, text.locale)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      { ...STYLE.h2, text: inlines([{ text: note.title }], view.hint) },
      ...(source
        ? [
            {
              ...STYLE.small,
              margin: [0, 0, 0, 4] as [number, number, number, number],
              text: inlines([{ text: `${text.source}: ${source}` }], view.hint),
            },
          ]
        : []),
      ...markdownBlocks(note.body, view.hint),
    );
  }
  return out;
}
