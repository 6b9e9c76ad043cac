import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import { DossierFile } from '../../../src/domain/dossier';
import { localDateIn } from '../../../src/domain/time';

describe('the sample mission in resources/', () => {
  const dossier = DossierFile.parse(sample);

  it('is a 4-day trade and invest mission to Taipei and Hsinchu', () => {
    expect(dossier.mission.countryCodes).toEqual(['TW']);
    expect(dossier.mission.kind).toBe('trade_invest');
    expect(dossier.mission.cities).toEqual(['Taipei', 'Hsinchu']);
    const days = (Date.parse(dossier.mission.endDate) - Date.parse(dossier.mission.startDate)) / 86_400_000 + 1;
    expect(days).toBe(4);
  });

  it('has 6 delegation members led by a member of the provincial executive', () => {
    expect(dossier.delegation).toHaveLength(6);
    const heads = dossier.delegation.filter((member) => member.role === 'head');
    expect(heads).toHaveLength(1);
    const head = dossier.people.find((person) => person.id === heads[0]?.personId);
    expect(head?.jobTitle).toMatch(/^Gedeputeerde/);
    expect(head?.organisationName).toBe('Provincie Utrecht');
  });

  it('has 12 agenda items within the mission days, and 8 targets, several with traditional Chinese names', () => {
    expect(dossier.agenda).toHaveLength(12);
    expect(dossier.targets).toHaveLength(8);
    const chinese = dossier.organisations.filter(
      (o) => o.localNameLang === 'zh-Hant' && /\p{Script=Han}/u.test(o.localName),
    );
    expect(chinese.length).toBeGreaterThanOrEqual(4);
    for (const item of dossier.agenda) {
      expect(item.timeZone).toBe('Asia/Taipei');
      const day = localDateIn(item.start, item.timeZone);
      expect(day >= dossier.mission.startDate && day <= dossier.mission.endDate).toBe(true);
    }
    expect(dossier.notes.length).toBeGreaterThan(0);
  });

  it('is rejected when a reference points nowhere', () => {
    const broken = structuredClone(sample);
    const first = broken.delegation[0];
    if (!first) throw new Error('sample has a delegation');
    first.personId = '01a1f545-0000-7000-8000-000000000000';
    const result = DossierFile.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['delegation', 0, 'personId']);
  });
});
