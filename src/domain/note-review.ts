/**
 * When an intelligence note is due for review: its review-by date has passed. Lists, the country
 * page and the country cards all ask these functions, so they flag the same notes.
 */

interface Reviewable {
  /** YYYY-MM-DD, or '' when the note has no review date. */
  readonly reviewBy: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date on this device's clock, as YYYY-MM-DD (a review date has no zone). */
export function localToday(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * True when the note should have been reviewed before today. A note due today is not yet
 * overdue; a note without a (valid) date is never flagged.
 */
export function isReviewOverdue(note: Reviewable, today: string): boolean {
  return ISO_DATE.test(note.reviewBy) && note.reviewBy < today;
}

/** How many of the notes are overdue. */
export function countOverdue(notes: readonly Reviewable[], today: string): number {
  return notes.filter((note) => isReviewOverdue(note, today)).length;
}

/**
 * The notes with the overdue ones first (longest overdue first), the rest in the order given;
 * a stable order, so a list does not jump around between renders.
 */
export function overdueFirst<N extends Reviewable>(notes: readonly N[], today: string): N[] {
  const overdue = notes.filter((note) => isReviewOverdue(note, today));
  const current = notes.filter((note) => !isReviewOverdue(note, today));
  overdue.sort((a, b) => (a.reviewBy < b.reviewBy ? -1 : a.reviewBy > b.reviewBy ? 1 : 0));
  return [...overdue, ...current];
}
