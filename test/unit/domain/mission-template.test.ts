import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import { readDossierFile } from '../../../src/domain/dossier-read';
import { daysBetweenDates, missionFromTemplate } from '../../../src/domain/mission-template';
import { formatTimeIn, localDateIn, zonedTimeToInstant } from '../../../src/domain/time';

const dossier = readDossierFile(sample);
const NEW_ID = '01b00000-0000-7000-8000-000000000001';

describe('duplicating a mission as a template', () => {
  it('moves every date by the same days, keeps local times, and clears outcomes and the assessment', () => {
    const copy = missionFromTemplate(
      { ...dossier, mission: { ...dossier.mission, outcome: 'Twee leads' } },
      '2027-10-05',
      NEW_ID,
    );
    expect(copy.mission.startDate).toBe('2027-10-05');
    expect(daysBetweenDates(copy.mission.startDate, copy.mission.endDate)).toBe(
      daysBetweenDates(dossier.mission.startDate, dossier.mission.endDate),
    );
    expect(copy.mission.status).toBe('idea');
    expect(copy.mission.outcome).toBe('');
    expect(copy.mission.assessment.answers.A.answer).toBe('');
    expect(copy.delegation.map((m) => m.role)).toEqual(dossier.delegation.map((m) => m.role));
    const days = daysBetweenDates(dossier.mission.startDate, '2027-10-05');
    dossier.agenda.forEach((item, index) => {
      const moved = copy.agenda[index];
      expect(moved?.missionId).toBe(NEW_ID);
      expect(formatTimeIn(moved?.start ?? '', item.timeZone, 'nl')).toBe(formatTimeIn(item.start, item.timeZone, 'nl'));
      expect(
        daysBetweenDates(localDateIn(item.start, item.timeZone), localDateIn(moved?.start ?? '', item.timeZone)),
      ).toBe(days);
    });
    expect(copy.tasks.every((task) => !task.done)).toBe(true);
  });

  it('keeps 09:00 in Boston at 09:00 across the US clock change, so the Dutch time moves by an hour', () => {
    const zone = 'America/New_York';
    const item = {
      ...dossier.agenda[0],
      timeZone: zone,
      start: zonedTimeToInstant('2027-03-08', '09:00', zone),
      end: zonedTimeToInstant('2027-03-08', '10:00', zone),
    } as (typeof dossier.agenda)[number];
    const source = {
      ...dossier,
      mission: { ...dossier.mission, startDate: '2027-03-08', endDate: '2027-03-10', timeZone: zone },
      agenda: [item],
      delegation: [],
    };
    // 8 March: EST (UTC−5) and CET (UTC+1) → 15:00 Dutch. 15 March: EDT (UTC−4) while NL is still CET → 14:00.
    expect(formatTimeIn(item.start, 'Europe/Amsterdam', 'nl')).toBe('15:00');
    const copy = missionFromTemplate(source, '2027-03-15', NEW_ID);
    const moved = copy.agenda[0];
    expect(formatTimeIn(moved?.start ?? '', zone, 'nl')).toBe('09:00');
    expect(formatTimeIn(moved?.end ?? '', zone, 'nl')).toBe('10:00');
    expect(formatTimeIn(moved?.start ?? '', 'Europe/Amsterdam', 'nl')).toBe('14:00');
  });

  it('moves arrival and departure with their own zones', () => {
    const copy = missionFromTemplate(dossier, '2027-03-23', NEW_ID);
    const head = copy.delegation.find((m) => m.arrivalAt !== '');
    expect(head?.arrivalAt).toBe('2027-03-22T07:25:00.000Z');
    expect(copy.delegation.filter((m) => m.arrivalAt === '').length).toBe(
      dossier.delegation.filter((m) => m.arrivalAt === '').length,
    );
  });
});
