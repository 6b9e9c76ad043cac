/**
 * The agenda item form: the entity's own fields (from AgendaItemFields), with start and end
 * entered as a local date and clock times in the item's zone and turned into instants here.
 */
import { z } from 'zod';
import { detectConflicts, type ConflictMission } from '../../domain/agenda-conflicts';
import { AgendaItemFields } from '../../domain/entities/agenda-item';
import { IsoDate } from '../../domain/entities/common';
import { addDays, formatTimeIn, isValidZone, localDateIn, zonedTimeToInstant } from '../../domain/time';

// The form message the screen turns into `validation.outsideMission` with the mission's dates.
export const OUTSIDE_MISSION = 'outside mission';
export const NOT_A_TIME = 'not a time';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, NOT_A_TIME);

// Every field of the entity but the two instants, which the form holds as date + clock times.
const { start: _start, end: _end, ...itemShape } = AgendaItemFields.shape;

const AgendaFormFields = z.object({
  ...itemShape,
  /** The local date of the start, in the item's zone. */
  date: IsoDate,
  startTime: ClockTime,
  endTime: ClockTime,
  /** A late reception or a night flight ends on the next local day. */
  endsNextDay: z.boolean().default(false),
});
export type AgendaFormInput = z.input<typeof AgendaFormFields>;
export type AgendaFormValues = z.output<typeof AgendaFormFields>;

interface LocalTimes {
  readonly date: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly endsNextDay: boolean;
  readonly timeZone: string;
}

// Asking Intl whether a zone exists builds a formatter; the form asks on every keystroke.
const knownZones = new Set<string>();
function validZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  const valid = isValidZone(zone);
  if (valid) knownZones.add(zone);
  return valid;
}

/** The instants the local date and times stand for, or null while any of them is not valid yet. */
export function instantsOf(values: Partial<LocalTimes>): { start: string; end: string } | null {
  const { date, startTime, endTime, timeZone } = values;
  if (!date || !startTime || !endTime || !timeZone) return null;
  if (!IsoDate.safeParse(date).success || !validZone(timeZone)) return null;
  if (!ClockTime.safeParse(startTime).success || !ClockTime.safeParse(endTime).success) return null;
  const endDate = values.endsNextDay ? addDays(date, 1) : date;
  return {
    start: zonedTimeToInstant(date, startTime, timeZone),
    end: zonedTimeToInstant(endDate, endTime, timeZone),
  };
}

/**
 * The form's schema for one mission: the entity's field rules, an end that is not before the
 * start, and a date inside the mission (the conflict module's own `outside_mission` rule, read in
 * the item's zone), so an item is never saved outside its mission.
 */
export function agendaFormSchema(mission: ConflictMission) {
  return AgendaFormFields.superRefine((values, ctx) => {
    // Runs even when other fields failed: only the times matter here, and they are re-checked.
    const times = instantsOf(values);
    if (!times) return;
    if (times.end < times.start) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'ends before it starts' });
      return;
    }
    const [conflict] = detectConflicts({
      mission,
      delegationPersonIds: [],
      items: [
        {
          id: 'form',
          ...times,
          timeZone: values.timeZone,
          participantIds: [],
          location: '',
          address: '',
          kind: 'meeting',
        },
      ],
    });
    if (conflict?.kind === 'outside_mission')
      ctx.addIssue({ code: 'custom', path: ['date'], message: OUTSIDE_MISSION });
  });
}

/** What the form shows for a stored item: its times on the clocks of its place. */
export function itemToFormValues(item: z.output<typeof AgendaItemFields>): AgendaFormValues {
  const { start, end, ...rest } = item;
  const date = localDateIn(start, item.timeZone);
  return {
    ...rest,
    date,
    // en-GB with a 24-hour cycle writes "09:05", the shape of an <input type="time">.
    startTime: formatTimeIn(start, item.timeZone, 'en-GB'),
    endTime: formatTimeIn(end, item.timeZone, 'en-GB'),
    endsNextDay: localDateIn(end, item.timeZone) > date,
  };
}

/** The entity's fields for valid form values (the schema has already checked them). */
export function formValuesToItem(values: AgendaFormValues): z.input<typeof AgendaItemFields> {
  const { date: _date, startTime: _startTime, endTime: _endTime, endsNextDay: _next, ...fields } = values;
  const times = instantsOf(values);
  if (!times) throw new RangeError('agenda form values without valid times');
  return { ...fields, ...times };
}

/** An empty new item: a one-hour meeting at 09:00 local time on the given day, in the mission's zone. */
export function newItemValues(missionId: string, date: string, timeZone: string): AgendaFormInput {
  return {
    missionId,
    title: '',
    kind: 'meeting',
    timeZone,
    date,
    startTime: '09:00',
    endTime: '10:00',
    endsNextDay: false,
    location: '',
    address: '',
    city: '',
    mapsUrl: '',
    organisationId: '',
    contactIds: [],
    participantIds: [],
    objective: '',
    talkingPoints: '',
    background: '',
    transport: '',
    dressCode: '',
    notes: '',
    outcome: '',
  };
}
