import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import { MissionFields } from '../../../src/domain/entities/mission';
import { AppError } from '../../../src/domain/errors';
import { checkStatusChange, isAssessmentComplete, nextStatuses } from '../../../src/domain/mission-workflow';

const base = MissionFields.parse(sample.mission);
const blank = MissionFields.parse({ ...sample.mission, assessment: undefined, status: 'assessed' });

function keyOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.key : 'not an AppError';
  }
  return undefined;
}

describe('the mission status workflow', () => {
  it('offers the next and the previous step', () => {
    expect(nextStatuses('idea')).toEqual({ forward: 'assessed', back: null });
    expect(nextStatuses('approved')).toEqual({ forward: 'in_preparation', back: 'assessed' });
    expect(nextStatuses('reported')).toEqual({ forward: null, back: 'completed' });
  });

  it('moves one step forward, never skips', () => {
    expect(
      keyOf(() => checkStatusChange({ ...base, status: 'idea' }, { ...base, status: 'assessed' })),
    ).toBeUndefined();
    expect(keyOf(() => checkStatusChange({ ...base, status: 'idea' }, { ...base, status: 'in_preparation' }))).toBe(
      'errors.statusSkipped',
    );
    expect(keyOf(() => checkStatusChange({ ...base, status: 'ready' }, { ...base, status: 'idea' }))).toBe(
      'errors.statusSkipped',
    );
  });

  it('moves one step back only with a new reason', () => {
    const ready = { ...base, status: 'ready' as const, statusReason: '' };
    expect(keyOf(() => checkStatusChange(ready, { ...ready, status: 'in_preparation' }))).toBe(
      'errors.statusBackNeedsReason',
    );
    expect(
      keyOf(() => checkStatusChange(ready, { ...ready, status: 'in_preparation', statusReason: 'Hotel valt af' })),
    ).toBeUndefined();
  });

  it('approves only with a completed assessment or a recorded override', () => {
    expect(isAssessmentComplete(base.assessment)).toBe(true);
    expect(isAssessmentComplete(blank.assessment)).toBe(false);
    const partly = structuredClone(base.assessment);
    partly.answers.C.rationale = '';
    expect(isAssessmentComplete(partly)).toBe(false);

    const assessed = { ...base, status: 'assessed' as const };
    expect(keyOf(() => checkStatusChange(assessed, { ...assessed, status: 'approved' }))).toBeUndefined();
    const unassessed = { ...blank, status: 'assessed' as const };
    expect(keyOf(() => checkStatusChange(unassessed, { ...unassessed, status: 'approved' }))).toBe(
      'errors.approvalNeedsAssessment',
    );
    expect(
      keyOf(() =>
        checkStatusChange(unassessed, {
          ...unassessed,
          status: 'approved',
          approvalOverrideReason: 'Besluit gedeputeerde staten 12 januari',
        }),
      ),
    ).toBeUndefined();
  });
});
