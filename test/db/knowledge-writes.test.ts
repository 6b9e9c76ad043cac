import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import {
  createOrganisation,
  deleteOrganisation,
  linkContact,
  saveOrganisation,
  unlinkContact,
} from '../../src/db/knowledge-writes';
import {
  contactsOf,
  meetingsWith,
  missionsTargeting,
  organisationById,
  organisationsByNameQuery,
} from '../../src/db/queries';
import { applyUndo, runUnit } from '../../src/db/unit';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('knowledge-writes');
let db: MissionDb;

beforeEach(() => {
  db = freshDb();
});

async function person(givenName: string, familyName: string) {
  const { result } = await runUnit(db, ['people'], (unit) =>
    unit.create('people', { givenName, familyName, kind: 'company' }),
  );
  return result;
}

describe('the organisations registry writes', () => {
  it('links a person as a contact with their job title there, and unlinks them again', async () => {
    const { result: tsmc } = await createOrganisation(db, { name: 'TSMC', kind: 'company', countryCode: 'TW' });
    const lin = await person('Mei', 'Lin');
    await linkContact(db, tsmc.id, lin.id, 'Director Europe');
    const contacts = await contactsOf(db, tsmc.id);
    expect(contacts.map((c) => [c.familyName, c.jobTitle])).toEqual([['Lin', 'Director Europe']]);
    await unlinkContact(db, lin.id);
    expect(await contactsOf(db, tsmc.id)).toEqual([]);
  });

  it('saves only a real change, and nothing at all for an empty patch', async () => {
    const { result: org } = await createOrganisation(db, {
      name: 'ITRI',
      kind: 'knowledge_institution',
      countryCode: 'TW',
    });
    expect(await saveOrganisation(db, org.id, {})).toBeNull();
    const saved = await saveOrganisation(db, org.id, { city: 'Hsinchu' });
    expect(saved?.result.city).toBe('Hsinchu');
    await expect(saveOrganisation(db, org.id, { website: 'not a url' })).rejects.toThrow();
    expect((await organisationById(db, org.id))?.website).toBe('');
  });

  it('deletes an organisation keeping its contacts with its name as text; undo restores both', async () => {
    const { result: org } = await createOrganisation(db, {
      name: 'Société Générale',
      kind: 'company',
      countryCode: 'FR',
    });
    const dupont = await person('Claire', 'Dupont');
    await linkContact(db, org.id, dupont.id, 'CFO');
    const steps = await deleteOrganisation(db, org.id);

    expect(await organisationById(db, org.id)).toBeUndefined();
    const after = await db.people.get(dupont.id);
    expect([after?.organisationId, after?.organisationName, after?.jobTitle]).toEqual(['', 'Société Générale', 'CFO']);
    expect(await organisationsByNameQuery('societe').count(db)).toBe(0);

    await applyUndo(db, steps);
    expect((await organisationById(db, org.id))?.name).toBe('Société Générale');
    expect((await contactsOf(db, org.id)).map((c) => c.familyName)).toEqual(['Dupont']);
    expect(await organisationsByNameQuery('societe').count(db)).toBe(1);
  });

  it('lists the missions that target it and the meetings with it, not those deleted', async () => {
    const { result: org } = await createOrganisation(db, { name: 'Samsung', kind: 'company', countryCode: 'KR' });
    const { result: ids } = await runUnit(db, ['missions', 'targets', 'agenda'], async (unit) => {
      const mission = await unit.create('missions', {
        title: 'Korea 2027',
        countryCodes: ['KR'],
        timeZone: 'Asia/Seoul',
        startDate: '2027-03-01',
        endDate: '2027-03-05',
        status: 'idea',
        kind: 'trade',
        cities: ['Seoul'],
        sectors: ['ict'],
        purpose: '',
      });
      const target = await unit.create('targets', { missionId: mission.id, organisationId: org.id, priority: 1 });
      const meeting = await unit.create('agenda', {
        missionId: mission.id,
        title: 'Visit Samsung HQ',
        kind: 'visit',
        start: '2027-03-02T01:00:00.000Z',
        end: '2027-03-02T02:00:00.000Z',
        timeZone: 'Asia/Seoul',
        organisationId: org.id,
      });
      const other = await unit.create('agenda', {
        missionId: mission.id,
        title: 'Dropped lunch',
        kind: 'meal',
        start: '2027-03-02T03:00:00.000Z',
        end: '2027-03-02T04:00:00.000Z',
        timeZone: 'Asia/Seoul',
        organisationId: org.id,
      });
      await unit.remove('agenda', other.id);
      return { target: target.id, meeting: meeting.id };
    });
    expect((await missionsTargeting(db, org.id)).map((m) => [m.mission.title, m.target.id])).toEqual([
      ['Korea 2027', ids.target],
    ]);
    expect((await meetingsWith(db, org.id)).map((m) => m.item.title)).toEqual(['Visit Samsung HQ']);
  });
});
