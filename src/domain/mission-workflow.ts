/**
 * The mission status workflow and the guideline (leidraad) rule: a mission moves one step at a
 * time along MISSION_STATUSES; one step back is allowed with a reason; it reaches *approved* only
 * with a completed assessment or an override whose reason is recorded.
 */
import { AppError } from './errors';
import {
  GUIDELINE_QUESTIONS,
  MISSION_STATUSES,
  type GuidelineAssessment,
  type MissionFields,
  type MissionStatus,
} from './entities/mission';

/** Every question answered with a rationale, and an overall advice written. */
export function isAssessmentComplete(assessment: GuidelineAssessment): boolean {
  return (
    GUIDELINE_QUESTIONS.every((q) => assessment.answers[q].answer !== '' && assessment.answers[q].rationale !== '') &&
    assessment.advice !== ''
  );
}

/** The statuses a mission may move to from `status`: the next one, and the previous one. */
export function nextStatuses(status: MissionStatus): { forward: MissionStatus | null; back: MissionStatus | null } {
  const index = MISSION_STATUSES.indexOf(status);
  return {
    forward: MISSION_STATUSES[index + 1] ?? null,
    back: index > 0 ? (MISSION_STATUSES[index - 1] ?? null) : null,
  };
}

const APPROVED_INDEX = MISSION_STATUSES.indexOf('approved');

/**
 * Checks a status change from `before` to `after` (the whole mission as it would be stored).
 * Throws an AppError with the key the user sees; returns nothing when the change is allowed.
 */
export function checkStatusChange(before: MissionFields, after: MissionFields): void {
  if (before.status === after.status) return;
  const { forward, back } = nextStatuses(before.status);
  if (after.status === back) {
    if (after.statusReason.trim() === '' || after.statusReason === before.statusReason) {
      throw new AppError('errors.statusBackNeedsReason', `moving back to ${after.status} needs a reason`, [
        { path: 'statusReason', message: 'required' },
      ]);
    }
    return;
  }
  if (after.status !== forward) {
    throw new AppError('errors.statusSkipped', `${before.status} cannot move to ${after.status}`, [
      { path: 'status', message: 'not the next step' },
    ]);
  }
  if (MISSION_STATUSES.indexOf(after.status) === APPROVED_INDEX) {
    if (!isAssessmentComplete(after.assessment) && after.approvalOverrideReason.trim() === '') {
      throw new AppError('errors.approvalNeedsAssessment', 'approval needs a completed assessment or an override', [
        { path: 'assessment', message: 'incomplete' },
      ]);
    }
  }
}

/** A mission created new starts as an idea; an imported one keeps its status. */
export const INITIAL_STATUS: MissionStatus = 'idea';
