/**
 * What the agenda screen derives from the mission snapshot, once per change: days (the shared
 * view rule), times per item, conflicts (the shared conflict rule) and the words shown with them.
 */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import type { MissionSnapshot } from '../../db/snapshot';
import { detectConflicts, type AgendaConflict } from '../../domain/agenda-conflicts';
import { groupAgendaByLocalDay, type DayOfAgenda } from '../../domain/dossier-view';
import type { AgendaItem, Organisation, Person } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { addDays, formatDayIn, zonedTimeToInstant } from '../../domain/time';
import { conflictBadge, conflictsByItem } from './conflict-text';
import { itemTimes, type ItemTimes } from './item-times';
import { sentenceWithSlot, SLOT } from './ItemCard';

export interface AgendaModel {
  readonly byId: ReadonlyMap<string, AgendaItem>;
  /** Days that have items, in date order; items by start within a day. */
  readonly days: readonly DayOfAgenda<AgendaItem>[];
  /** The day view's columns: every day of the mission, and any day outside it that has items. */
  readonly columns: readonly string[];
  readonly times: ReadonlyMap<string, ItemTimes>;
  readonly people: ReadonlyMap<string, Person>;
  readonly organisations: ReadonlyMap<string, Organisation>;
  readonly conflicts: readonly AgendaConflict[];
  readonly conflictsOf: ReadonlyMap<string, AgendaConflict[]>;
  /** Per item: who takes part, in words. */
  readonly participants: ReadonlyMap<string, string>;
  /** Per item: its warnings, short. */
  readonly warnings: ReadonlyMap<string, string[]>;
}

const NO_WARNINGS: string[] = [];

export function personName(people: ReadonlyMap<string, Person>, id: string, t: TFunction): string {
  const person = people.get(id);
  return person ? displayName(person) : t('agenda.unknownPerson');
}

/** Every date from the first to the last, inclusive (a mission is days, not weeks, long). */
function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last && dates.length < 400; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function useAgendaModel(snapshot: MissionSnapshot, locale: string, t: TFunction): AgendaModel {
  const { agenda, mission } = snapshot;
  const people = useMemo(() => new Map(snapshot.people.map((person) => [person.id, person])), [snapshot.people]);
  const organisations = useMemo(
    () => new Map(snapshot.organisations.map((organisation) => [organisation.id, organisation])),
    [snapshot.organisations],
  );
  const days = useMemo(() => groupAgendaByLocalDay(agenda), [agenda]);
  const times = useMemo(() => new Map(agenda.map((item) => [item.id, itemTimes(item, locale)])), [agenda, locale]);
  const conflicts = useMemo(
    () =>
      detectConflicts({
        mission: {
          startDate: mission.startDate,
          endDate: mission.endDate,
          travelBufferMinutes: mission.travelBufferMinutes,
        },
        delegationPersonIds: snapshot.delegation.map((member) => member.personId),
        items: agenda,
      }),
    [agenda, snapshot.delegation, mission.startDate, mission.endDate, mission.travelBufferMinutes],
  );
  return useMemo(() => {
    const byId = new Map(agenda.map((item) => [item.id, item]));
    const conflictsOf = conflictsByItem(conflicts);
    const names = {
      person: (id: string) => personName(people, id, t),
      title: (id: string) => byId.get(id)?.title ?? '',
    };
    const warnings = new Map<string, string[]>();
    for (const [id, list] of conflictsOf)
      warnings.set(
        id,
        list.map((conflict) => conflictBadge(t, conflict, id, names)),
      );
    const participants = new Map<string, string>();
    const participantList = sentenceWithSlot(t('agenda.participantList', { names: SLOT }));
    const wholeDelegation = t('agenda.wholeDelegation');
    for (const item of agenda) {
      participants.set(
        item.id,
        item.participantIds.length === 0
          ? wholeDelegation
          : participantList(item.participantIds.map(names.person).join(', ')),
      );
    }
    const columns = [
      ...new Set([...datesBetween(mission.startDate, mission.endDate), ...days.map((day) => day.date)]),
    ].sort();
    return { byId, days, columns, times, people, organisations, conflicts, conflictsOf, participants, warnings };
  }, [agenda, conflicts, days, times, people, organisations, mission.startDate, mission.endDate, t]);
}

export function warningsFor(model: AgendaModel, id: string): string[] {
  return model.warnings.get(id) ?? NO_WARNINGS;
}

const dayNames = new Map<string, string>();
/** "dinsdag 16 maart" / "Tuesday 16 March" for a local date, as it reads inside a sentence. */
export function dayName(date: string, zone: string, locale: string): string {
  const key = `${date}|${zone}|${locale}`;
  let name = dayNames.get(key);
  if (name === undefined) {
    // Noon is on the same date in every zone's own clock, whatever daylight saving does.
    name = formatDayIn(zonedTimeToInstant(date, '12:00', zone), zone, locale);
    if (dayNames.size > 1000) dayNames.clear();
    dayNames.set(key, name);
  }
  return name;
}

/** The same, capitalised as a heading. */
export function dayLabel(date: string, zone: string, locale: string): string {
  const name = dayName(date, zone, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
