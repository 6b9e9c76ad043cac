/**
 * "Duplicate as a template": a mission's structure (fields, delegation roles, agenda shape,
 * targets, tasks) moved to a new start date. Every date moves by the same number of calendar days
 * and every time keeps its local clock time in its own zone, so 09:00 in Boston stays 09:00 even
 * when a daylight-saving change lies between the two dates. Outcomes, the assessment and the
 * status history are not copied: the new mission starts as an idea.
 */
import type { AgendaItemFields } from './entities/agenda-item';
import type { DelegationMemberFields } from './entities/delegation-member';
import { emptyAssessment, type MissionFields } from './entities/mission';
import type { TargetFields } from './entities/target';
import type { TaskFields } from './entities/task';
import { INITIAL_STATUS } from './mission-workflow';
import { addDays, shiftKeepingLocalTime } from './time';

export interface MissionStructure {
  readonly mission: MissionFields;
  readonly delegation: readonly DelegationMemberFields[];
  readonly agenda: readonly AgendaItemFields[];
  readonly targets: readonly TargetFields[];
  readonly tasks: readonly TaskFields[];
}

/** Whole calendar days from one date to another (both YYYY-MM-DD). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const shift = (instant: string, zone: string, days: number) =>
  instant && zone ? shiftKeepingLocalTime(instant, zone, days) : instant;

/** The copy, for a new mission id; `title` defaults to the original's. */
export function missionFromTemplate(
  source: MissionStructure,
  newStartDate: string,
  newMissionId: string,
  title = source.mission.title,
): MissionStructure {
  const days = daysBetweenDates(source.mission.startDate, newStartDate);
  const mission: MissionFields = {
    ...source.mission,
    title,
    startDate: newStartDate,
    endDate: addDays(source.mission.endDate, days),
    status: INITIAL_STATUS,
    statusReason: '',
    assessment: emptyAssessment(),
    approvalOverrideReason: '',
    actualBudgetCents: null,
    archived: false,
    outcome: '',
  };
  return {
    mission,
    delegation: source.delegation.map((member) => ({
      ...member,
      missionId: newMissionId,
      arrivalAt: shift(member.arrivalAt, member.arrivalTimeZone, days),
      departureAt: shift(member.departureAt, member.departureTimeZone, days),
    })),
    agenda: source.agenda.map((item) => ({
      ...item,
      missionId: newMissionId,
      start: shiftKeepingLocalTime(item.start, item.timeZone, days),
      end: shiftKeepingLocalTime(item.end, item.timeZone, days),
      outcome: '',
    })),
    targets: source.targets.map((target) => ({ ...target, missionId: newMissionId })),
    tasks: source.tasks.map((task) => ({ ...task, missionId: newMissionId, done: false })),
  };
}
