/**
 * What one book shows, decided before any layout: the audience's cut of the dossier (no
 * sensitive fields in the administrator's book; only the member's own items in a personal book),
 * lookups by id, and the order rules shared with the screens (src/domain/dossier-view.ts).
 */
import { displayName } from '../domain/entities/person';
import { withoutSensitive } from '../domain/sensitive-fields';
import { sortDelegation, sortTargets } from '../domain/dossier-view';
import { resolveBriefing, type BriefingEntry } from '../domain/briefing-selection';
import type { BookInput, BookOptions, BookRow } from './book-input';
import { cjkFontFor, type CjkFont } from './fonts';

export type AgendaRow = BookRow<'agenda'>;
export type PersonRow = BookRow<'people'>;
export type OrganisationRow = BookRow<'organisations'>;
export type MemberRow = BookRow<'delegation'>;
export type TargetRow = BookRow<'targets'>;
export type NoteRow = BookRow<'notes'>;
export type SheetRow = BookRow<'countrySheets'>;

/** Kinds of agenda item that get a briefing page of their own. */
const BRIEFED_KINDS = new Set<string>(['meeting', 'visit', 'seminar', 'reception', 'meal']);

export interface BookView {
  readonly mission: BookInput['mission'];
  readonly options: BookOptions;
  /** The CJK font for Han characters whose language nothing else tells. */
  readonly hint: CjkFont;
  readonly delegation: readonly MemberRow[];
  readonly agenda: readonly AgendaRow[];
  /** Agenda items with a briefing page, in time order. */
  readonly meetings: readonly AgendaRow[];
  readonly targets: readonly TargetRow[];
  /** The country briefing: the chosen sheet sections and notes, in the chosen order. */
  readonly briefing: readonly BriefingEntry<NoteRow, SheetRow>[];
  /** The country sheets of the mission's countries, in the mission's order. */
  readonly countrySheets: readonly SheetRow[];
  readonly person: (id: string) => PersonRow | undefined;
  readonly organisation: (id: string) => OrganisationRow | undefined;
  readonly photo: (id: string) => BookRow<'photos'> | undefined;
  readonly personName: (id: string) => string;
  /** The head of delegation's name, or ''. */
  readonly head: string;
  /** Whether sensitive personal fields may print at all. */
  readonly sensitive: boolean;
}

function index<T extends { id: string }>(rows: readonly T[]): (id: string) => T | undefined {
  const map = new Map(rows.map((row) => [row.id, row]));
  return (id) => map.get(id);
}

export function bookView(input: BookInput, options: BookOptions): BookView {
  const sensitive = options.audience !== 'administrator';
  // The administrator's book never holds sensitive fields: they are emptied before anything else.
  const people = sensitive ? input.people : input.people.map((p) => withoutSensitive('people', p));
  const person = index(people);
  const personName = (id: string) => {
    const found = person(id);
    return found ? displayName(found) : '';
  };
  const organisation = index(input.organisations);
  const member = options.audience === 'personal' ? options.memberPersonId : '';
  const attends = (item: AgendaRow) =>
    member === '' || item.participantIds.length === 0 || item.participantIds.includes(member);
  const agenda = [...input.agenda].filter(attends).sort((a, b) => a.start.localeCompare(b.start));
  const delegation = sortDelegation(input.delegation, person);
  const head = delegation.find((m) => m.role === 'head');
  return {
    mission: input.mission,
    options,
    hint: cjkFontFor({ country: input.mission.countryCodes[0] }) ?? 'CjkTC',
    delegation,
    agenda,
    meetings: agenda.filter((item) => BRIEFED_KINDS.has(item.kind) || item.organisationId !== ''),
    targets: sortTargets(input.targets, (id) => organisation(id)?.name),
    // The review-by mark is for the team's screen; the book prints what was chosen.
    briefing: resolveBriefing(input.mission.briefingSelection, {
      mission: input.mission,
      targets: input.targets,
      notes: input.notes,
      countrySheets: input.countrySheets ?? [],
      today: '',
    }),
    countrySheets: input.mission.countryCodes.flatMap((code) => {
      const sheet = input.countrySheets?.find((s) => s.countryCode === code);
      return sheet ? [sheet] : [];
    }),
    person,
    organisation,
    photo: index(input.photos ?? []),
    personName,
    head: head ? personName(head.personId) : '',
    sensitive,
  };
}

/** The CJK font for an organisation's local name: its own language tag, else the mission's. */
export function hintFor(view: BookView, organisation: OrganisationRow | undefined): CjkFont {
  return cjkFontFor({ lang: organisation?.localNameLang, country: organisation?.countryCode }) ?? view.hint;
}
