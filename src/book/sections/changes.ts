/** The "what changed" page: this issue against the previous issued one. */
import type { Content } from 'pdfmake/interfaces';
import { formatDayIn, formatTimeIn } from '../../domain/time';
import type { BookText } from '../book-text';
import type { BookView } from '../book-view';
import { diffSummaries, summarize, type BookSummary } from '../book-summary';
import { para, sectionHeading, STYLE } from '../text-nodes';

export interface PreviousIssue {
  readonly version: number;
  readonly summary: BookSummary;
}

export function changes(view: BookView, text: BookText, previous: PreviousIssue | undefined): Content[] {
  const out: Content[] = [sectionHeading('sec-changes', text.changes, view.hint)];
  if (!previous) return [...out, para(text.firstIssue, STYLE.body, view.hint)];
  const diff = diffSummaries(previous.summary, summarize(view));
  const when = (m: { start: string; title: string }) =>
    `${formatDayIn(m.start, view.mission.timeZone, text.locale)} ${formatTimeIn(m.start, view.mission.timeZone, text.locale)} — ${m.title}`;
  const list = (title: string, items: string[]): Content[] =>
    items.length === 0
      ? []
      : [{ text: title, ...STYLE.h2 }, { ul: items.map((item) => para(item, STYLE.body, view.hint)) }];
  const content = [
    ...list(text.added, diff.added.map(when)),
    ...list(
      text.moved,
      diff.changed.map(({ now, before }) => `${when(now)} (${text.version} ${previous.version}: ${when(before)})`),
    ),
    ...list(text.removed, diff.cancelled.map(when)),
    ...list(text.membersAdded, [...diff.membersAdded]),
    ...list(text.membersRemoved, [...diff.membersRemoved]),
  ];
  if (content.length === 0) return [...out, para(`${text.noChanges} ${previous.version}.`, STYLE.body, view.hint)];
  return [...out, para(`${text.comparedWith} ${previous.version}.`, STYLE.small, view.hint), ...content];
}
