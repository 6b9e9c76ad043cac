import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import { readDossierFile } from '../../../src/domain/dossier-read';
import { emptyAssessment } from '../../../src/domain/entities/mission';
import { passportExpiresTooSoon, readinessIssues } from '../../../src/domain/readiness';

const dossier = readDossierFile(sample);

describe('the readiness check', () => {
  it('finds what the sample still lacks, each entry pointing at its record', () => {
    const issues = readinessIssues(dossier);
    const kinds = new Set(issues.map((issue) => issue.kind));
    // The sample's assessment is complete; two members travel on their own.
    expect(kinds.has('no_assessment')).toBe(false);
    const noArrival = issues.filter((issue) => issue.kind === 'member_no_arrival');
    expect(noArrival).toHaveLength(dossier.delegation.filter((m) => m.arrivalAt === '').length);
    // The TAITRA seminar is not a meeting: only meetings and visits need a briefing.
    for (const issue of issues) {
      if (issue.kind === 'meeting_unprepared') {
        const item = dossier.agenda.find((a) => a.id === issue.itemId);
        expect(['meeting', 'visit']).toContain(item?.kind);
      }
    }
  });

  it('asks for an assessment, objectives, talking points and counterpart profiles', () => {
    const meeting = dossier.agenda.find((a) => a.kind === 'meeting' && a.organisationId !== '');
    if (!meeting) throw new Error('the sample has a meeting with a counterpart');
    const input = {
      ...dossier,
      mission: { ...dossier.mission, assessment: emptyAssessment() },
      agenda: [
        { ...meeting, objective: '' },
        { ...meeting, id: `${meeting.id.slice(0, -1)}0`, talkingPoints: ' ' },
      ],
      organisations: dossier.organisations.map((o) =>
        o.id === meeting.organisationId ? { ...o, description: '' } : o,
      ),
    };
    const issues = readinessIssues(input);
    expect(issues[0]).toEqual({ kind: 'no_assessment' });
    expect(issues).toContainEqual({ kind: 'meeting_unprepared', itemId: meeting.id, missing: 'objective' });
    expect(
      issues.filter((i) => i.kind === 'meeting_unprepared').map((i) => i.kind === 'meeting_unprepared' && i.missing),
    ).toEqual(['objective', 'talkingPoints']);
    expect(issues.filter((i) => i.kind === 'counterpart_no_profile')).toHaveLength(1);
  });

  it('warns for a passport that expires within six months after the return date', () => {
    expect(passportExpiresTooSoon('2027-09-18', '2027-03-19')).toBe(true);
    expect(passportExpiresTooSoon('2027-09-19', '2027-03-19')).toBe(false);
    expect(passportExpiresTooSoon('', '2027-03-19')).toBe(false);
    const head = dossier.delegation[0];
    if (!head) throw new Error('the sample has a delegation');
    const people = dossier.people.map((p) => (p.id === head.personId ? { ...p, passportExpiry: '2027-05-01' } : p));
    expect(readinessIssues({ ...dossier, people })).toContainEqual({
      kind: 'passport_expiring',
      memberId: head.id,
      personId: head.personId,
      expiry: '2027-05-01',
    });
  });
});
