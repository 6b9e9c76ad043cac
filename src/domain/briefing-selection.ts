/**
 * A mission's country briefing: which country-sheet sections and intelligence notes go into its
 * book, and in what order. `proposeBriefing` makes the proposal from the mission's countries,
 * sectors and targets; `resolveBriefing` turns the stored choice (`mission.briefingSelection`,
 * null = "as proposed") into the concrete list that the tab and the book both show.
 */
import type { FieldsOf } from './entities';

export const SHEET_SECTIONS = ['plan', 'contacts', 'practical'] as const;
export type SheetSection = (typeof SHEET_SECTIONS)[number];

/** One stored choice: a note, or one section of a country sheet. */
export type BriefingRef = NonNullable<FieldsOf<'missions'>['briefingSelection']>[number];

type Live = { readonly id: string; readonly deleted?: 0 | 1 };
export type BriefingNote = Pick<
  FieldsOf<'notes'>,
  'title' | 'countryCodes' | 'sectors' | 'organisationIds' | 'sourceDate' | 'reviewBy'
> &
  Live;
export type BriefingSheet = FieldsOf<'countrySheets'> & Live;

/** Why a note was proposed, strongest first. */
export const NOTE_RANKS = ['target', 'countrySector', 'country'] as const;
export type NoteRank = (typeof NOTE_RANKS)[number];

export type BriefingEntry<N extends BriefingNote = BriefingNote, S extends BriefingSheet = BriefingSheet> =
  | {
      readonly kind: 'note';
      readonly id: string;
      readonly section: '';
      readonly note: N;
      /** Its review-by date has passed: still proposed, but marked. */
      readonly reviewOverdue: boolean;
    }
  | { readonly kind: 'sheet'; readonly id: string; readonly section: SheetSection; readonly sheet: S };

export interface BriefingCandidates<N extends BriefingNote, S extends BriefingSheet> {
  readonly mission: Pick<FieldsOf<'missions'>, 'countryCodes' | 'sectors'>;
  readonly targets: readonly Pick<FieldsOf<'targets'>, 'organisationId'>[];
  /** The notes that may go in: tagged with a mission country or a target, or chosen before. */
  readonly notes: readonly N[];
  /** The country sheets of the mission's countries. */
  readonly countrySheets: readonly S[];
  /** ISO date of today, for the review-by mark. */
  readonly today: string;
}

const isLive = (row: Live) => row.deleted !== 1;
const filled = (value: string) => value.trim() !== '';

/** Whether a section of a sheet holds anything worth printing. */
export function sheetSectionHasContent(sheet: BriefingSheet, section: SheetSection): boolean {
  switch (section) {
    case 'plan':
      return (
        sheet.focus !== '' ||
        sheet.prioritySectors.length > 0 ||
        filled(sheet.goals) ||
        filled(sheet.plannedActivities) ||
        sheet.jobTarget !== null
      );
    case 'contacts':
      return sheet.keyContacts.length > 0 || sheet.teamPersonIds.length > 0;
    case 'practical':
      return (
        sheet.timeZones.length > 0 ||
        [sheet.currency, sheet.languages, sheet.etiquette, sheet.visa, sheet.travelAdvice, sheet.emergencyNumbers].some(
          filled,
        )
      );
  }
}

export function isReviewOverdue(note: Pick<BriefingNote, 'reviewBy'>, today: string): boolean {
  return note.reviewBy !== '' && note.reviewBy < today;
}

/** Why the mission would want this note, or null when it does not match at all. */
export function noteRank(
  note: BriefingNote,
  mission: BriefingCandidates<BriefingNote, BriefingSheet>['mission'],
  targetOrganisations: ReadonlySet<string>,
): NoteRank | null {
  if (note.organisationIds.some((id) => targetOrganisations.has(id))) return 'target';
  if (!note.countryCodes.some((code) => mission.countryCodes.includes(code))) return null;
  return note.sectors.some((sector) => mission.sectors.includes(sector)) ? 'countrySector' : 'country';
}

const noteEntry = <N extends BriefingNote>(note: N, today: string) =>
  ({ kind: 'note', id: note.id, section: '', note, reviewOverdue: isReviewOverdue(note, today) }) as const;

/**
 * The proposal: per mission country (in the mission's order) its sheet's sections that have
 * content, then the matching notes, by rank, newest source first within a rank (undated last).
 */
export function proposeBriefing<N extends BriefingNote, S extends BriefingSheet>(
  candidates: BriefingCandidates<N, S>,
): BriefingEntry<N, S>[] {
  const { mission, today } = candidates;
  const sheets: BriefingEntry<N, S>[] = mission.countryCodes.flatMap((code) => {
    const sheet = candidates.countrySheets.find((s) => s.countryCode === code && isLive(s));
    if (!sheet) return [];
    return SHEET_SECTIONS.filter((section) => sheetSectionHasContent(sheet, section)).map((section) => ({
      kind: 'sheet' as const,
      id: sheet.id,
      section,
      sheet,
    }));
  });
  const targetOrganisations = new Set(candidates.targets.map((t) => t.organisationId));
  const ranked = candidates.notes
    .filter(isLive)
    .map((note) => ({ note, rank: noteRank(note, mission, targetOrganisations) }))
    .filter((row): row is { note: N; rank: NoteRank } => row.rank !== null)
    .sort(
      (a, b) =>
        NOTE_RANKS.indexOf(a.rank) - NOTE_RANKS.indexOf(b.rank) ||
        newestFirst(a.note.sourceDate, b.note.sourceDate) ||
        a.note.title.localeCompare(b.note.title) ||
        a.note.id.localeCompare(b.note.id),
    );
  return [...sheets, ...ranked.map(({ note }) => noteEntry(note, today))];
}

function newestFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return a < b ? 1 : -1;
}

/** A stable key for an entry or a stored choice, for lookups, lists and selects. */
export function briefingKey(ref: Pick<BriefingRef, 'kind' | 'id' | 'section'>): string {
  return `${ref.kind}:${ref.id}:${ref.section}`;
}

/**
 * The list the tab and the book show. Null is the proposal; a stored list is taken in its order,
 * dropping what no longer exists (a deleted note, a sheet of another country, a repeated entry).
 */
export function resolveBriefing<N extends BriefingNote, S extends BriefingSheet>(
  selection: readonly BriefingRef[] | null,
  candidates: BriefingCandidates<N, S>,
): BriefingEntry<N, S>[] {
  if (selection === null) return proposeBriefing(candidates);
  const notes = new Map(candidates.notes.filter(isLive).map((n) => [n.id, n]));
  const sheets = new Map(
    candidates.countrySheets
      .filter((s) => isLive(s) && candidates.mission.countryCodes.includes(s.countryCode))
      .map((s) => [s.id, s]),
  );
  const seen = new Set<string>();
  const out: BriefingEntry<N, S>[] = [];
  for (const ref of selection) {
    const key = briefingKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    if (ref.kind === 'note') {
      const note = notes.get(ref.id);
      if (note) out.push(noteEntry(note, candidates.today));
    } else {
      const sheet = sheets.get(ref.id);
      if (sheet && ref.section !== '') out.push({ kind: 'sheet', id: sheet.id, section: ref.section, sheet });
    }
  }
  return out;
}

/**
 * What can still be added: every candidate note and every section of the mission's sheets that
 * is not in the list: what the proposal holds first (in its order), then the other sheet
 * sections, then the other notes by title.
 */
export function addableEntries<N extends BriefingNote, S extends BriefingSheet>(
  current: readonly BriefingEntry<N, S>[],
  candidates: BriefingCandidates<N, S>,
): BriefingEntry<N, S>[] {
  const taken = new Set(current.map(briefingKey));
  const allSheets: BriefingEntry<N, S>[] = candidates.mission.countryCodes.flatMap((code) => {
    const sheet = candidates.countrySheets.find((s) => s.countryCode === code && isLive(s));
    return sheet ? SHEET_SECTIONS.map((section) => ({ kind: 'sheet' as const, id: sheet.id, section, sheet })) : [];
  });
  const proposed = proposeBriefing(candidates);
  const proposedKeys = new Set(proposed.map(briefingKey));
  const otherNotes = candidates.notes
    .filter((n) => isLive(n) && !proposedKeys.has(briefingKey({ kind: 'note', id: n.id, section: '' })))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((note) => noteEntry(note, candidates.today));
  const all = [...proposed, ...allSheets, ...otherNotes];
  const out: BriefingEntry<N, S>[] = [];
  for (const entry of all) {
    const key = briefingKey(entry);
    if (taken.has(key)) continue;
    taken.add(key);
    out.push(entry);
  }
  return out;
}

/** The list as it is stored on the mission. */
export function toSelection(entries: readonly Pick<BriefingRef, 'kind' | 'id' | 'section'>[]): BriefingRef[] {
  return entries.map(({ kind, id, section }) => ({ kind, id, section }));
}

/** The list with the entry at `index` moved one place up (-1) or down (+1); unchanged at an end. */
export function moveEntry<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [moved] = out.splice(index, 1);
  if (moved !== undefined) out.splice(to, 0, moved);
  return out;
}
