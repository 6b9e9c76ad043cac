/** The book options the panel starts from: the mission's last ones when still valid, else the defaults. */
import { BookOptions } from '../../book/book-input';

export const DEFAULT_BOOK_OPTIONS: BookOptions = BookOptions.parse({});

/**
 * Stored options are checked again: the catalog of sections or the delegation may have changed
 * since they were saved, and a personal book for someone who left is no longer a valid choice.
 */
export function startingOptions(stored: unknown, memberIds: readonly string[]): BookOptions {
  const parsed = BookOptions.safeParse(stored);
  if (!parsed.success) return DEFAULT_BOOK_OPTIONS;
  const options = parsed.data;
  if (options.audience === 'personal' && !memberIds.includes(options.memberPersonId)) {
    return { ...options, audience: 'administrator', memberPersonId: '' };
  }
  return options;
}

/** Why the options cannot make a book yet, as a catalog key; null when they can. */
export function optionsProblem(options: BookOptions): 'book.memberRequired' | 'book.noSections' | null {
  if (options.audience === 'personal' && options.memberPersonId === '') return 'book.memberRequired';
  if (options.sections.length === 0) return 'book.noSections';
  return null;
}

/** A plain file name for the book: no characters a file system or the save dialog refuses. */
export function bookFileName(prefix: string, missionTitle: string, version: number): string {
  const title = missionTitle
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // The title is shortened, not the version: two issues never get the same name.
  return `${prefix} ${title.slice(0, 150).trim()} v${version}`;
}
