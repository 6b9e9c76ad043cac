/**
 * What an issued book held, kept per issue (src/db/book-issues.ts), and what differs between two
 * issues: meetings added, moved or cancelled, members added or removed. The "what changed" page.
 */
import { z } from 'zod';
import type { BookView } from './book-view';

export const BookSummary = z.object({
  meetings: z.array(
    z.object({ id: z.string(), title: z.string(), start: z.string(), end: z.string(), location: z.string() }),
  ),
  members: z.array(z.object({ personId: z.string(), name: z.string() })),
});
export type BookSummary = z.infer<typeof BookSummary>;
type MeetingSummary = BookSummary['meetings'][number];

export function summarize(view: BookView): BookSummary {
  return {
    meetings: view.agenda.map((item) => ({
      id: item.id,
      title: item.title,
      start: item.start,
      end: item.end,
      location: item.location,
    })),
    members: view.delegation.map((m) => ({ personId: m.personId, name: view.personName(m.personId) })),
  };
}

export interface BookChanges {
  readonly added: readonly MeetingSummary[];
  readonly cancelled: readonly MeetingSummary[];
  /** The meeting as it is now, with its previous form. */
  readonly changed: readonly { readonly now: MeetingSummary; readonly before: MeetingSummary }[];
  readonly membersAdded: readonly string[];
  readonly membersRemoved: readonly string[];
}

export function diffSummaries(before: BookSummary, now: BookSummary): BookChanges {
  const previous = new Map(before.meetings.map((m) => [m.id, m]));
  const current = new Map(now.meetings.map((m) => [m.id, m]));
  const changed = now.meetings.flatMap((m) => {
    const old = previous.get(m.id);
    return old && (old.start !== m.start || old.end !== m.end || old.title !== m.title || old.location !== m.location)
      ? [{ now: m, before: old }]
      : [];
  });
  const beforeMembers = new Set(before.members.map((m) => m.personId));
  const nowMembers = new Set(now.members.map((m) => m.personId));
  return {
    added: now.meetings.filter((m) => !previous.has(m.id)),
    cancelled: before.meetings.filter((m) => !current.has(m.id)),
    changed,
    membersAdded: now.members.filter((m) => !beforeMembers.has(m.personId)).map((m) => m.name),
    membersRemoved: before.members.filter((m) => !nowMembers.has(m.personId)).map((m) => m.name),
  };
}
