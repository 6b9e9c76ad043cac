/**
 * What a briefing book is built from and how: the mission with everything it links to (the
 * dossier file's shape, which a database snapshot also satisfies) and the reader's choices.
 */
import { z } from 'zod';
import type { EntityTable, FieldsOf } from '../domain/entities';

export type BookRow<T extends EntityTable> = FieldsOf<T> & { readonly id: string };
type Row<T extends EntityTable> = BookRow<T>;

/** A database snapshot (src/db/snapshot.ts) and a parsed dossier file both fit this shape. */
export interface BookInput {
  readonly mission: Row<'missions'>;
  readonly people: readonly Row<'people'>[];
  readonly organisations: readonly Row<'organisations'>[];
  readonly delegation: readonly Row<'delegation'>[];
  readonly agenda: readonly Row<'agenda'>[];
  readonly targets: readonly Row<'targets'>[];
  readonly notes: readonly Row<'notes'>[];
  readonly photos?: readonly Row<'photos'>[];
  /** The country sheets of the mission's countries (absent in files made before they existed). */
  readonly countrySheets?: readonly Row<'countrySheets'>[];
}

export const BOOK_LANGUAGES = ['nl', 'en'] as const;
export type BookLanguage = (typeof BOOK_LANGUAGES)[number];
export const BOOK_AUDIENCES = ['administrator', 'team', 'personal'] as const;
export type BookAudience = (typeof BOOK_AUDIENCES)[number];
export const BOOK_PAPERS = ['A4', 'A5'] as const;
export type BookPaper = (typeof BOOK_PAPERS)[number];
export const BOOK_SECTIONS = [
  'cover',
  'contents',
  'changes',
  'practical',
  'programme',
  'delegation',
  'meetings',
  'targets',
  'country',
  'contacts',
] as const;
export type BookSection = (typeof BOOK_SECTIONS)[number];

/** The reader's choices; the app remembers them per mission, the CLI takes them as flags. */
export const BookOptions = z
  .object({
    language: z.enum(BOOK_LANGUAGES).default('nl'),
    audience: z.enum(BOOK_AUDIENCES).default('administrator'),
    /** The delegation member (a person id) a personal book is for. */
    memberPersonId: z.string().default(''),
    paper: z.enum(BOOK_PAPERS).default('A4'),
    sections: z.array(z.enum(BOOK_SECTIONS)).default([...BOOK_SECTIONS]),
  })
  .refine((o) => o.audience !== 'personal' || o.memberPersonId !== '', {
    message: 'a personal book needs a delegation member',
    path: ['memberPersonId'],
  });
export type BookOptions = z.output<typeof BookOptions>;

/** Facts about this issue of the book that are not in the dossier. */
export interface BookIssue {
  /** 1 for the first issued book of a mission, then counting up. */
  readonly version: number;
  /** ISO instant of issue; fixed in deterministic builds. */
  readonly issuedAt: string;
}
