/** The notes a mission's snapshot carries for its country briefing. */
import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { Repository } from '../../src/db/repository';
import { readMissionSnapshot } from '../../src/db/snapshot';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('snapshot-briefing-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

describe('the snapshot’s briefing candidates', () => {
  it('holds notes tagged with a mission country, with a target organisation, or chosen by hand; live only', async () => {
    const { missionId } = await importDossier(db, sample);
    const before = await readMissionSnapshot(db, missionId);
    const target = before.targets[0];
    if (!target) throw new Error('the sample has targets');
    const notes = new Repository(db, 'notes');
    const aboutTarget = await notes.create({
      title: 'About a target',
      body: '',
      countryCodes: ['DE'],
      organisationIds: [target.organisationId],
    });
    const chosen = await notes.create({ title: 'Chosen by hand', body: '', countryCodes: ['US'] });
    const chosenDeleted = await notes.create({ title: 'Chosen, then deleted', body: '', countryCodes: ['US'] });
    const unrelated = await notes.create({ title: 'Unrelated', body: '', countryCodes: ['US'] });
    await notes.remove(chosenDeleted.id);
    await new Repository(db, 'missions').update(missionId, {
      briefingSelection: [
        { kind: 'note', id: chosen.id, section: '' },
        { kind: 'note', id: chosenDeleted.id, section: '' },
        { kind: 'note', id: '01a30000-0000-7000-8000-00000000dead', section: '' },
      ],
    });
    const after = await readMissionSnapshot(db, missionId);
    const ids = after.notes.map((n) => n.id);
    for (const note of before.notes) expect(ids).toContain(note.id);
    expect(ids).toContain(aboutTarget.id);
    expect(ids).toContain(chosen.id);
    expect(ids).not.toContain(chosenDeleted.id);
    expect(ids).not.toContain(unrelated.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
