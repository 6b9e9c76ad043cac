/**
 * A mission's country briefing chosen by hand, stored through the db door: it persists in its
 * order, goes back to the proposal on reset, is undoable, refuses entries that do not exist, and
 * a note deleted afterwards is dropped when the choice is read back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { setBriefingSelection } from '../../src/db/missions';
import { Repository } from '../../src/db/repository';
import { readMissionSnapshot } from '../../src/db/snapshot';
import { applyUndo } from '../../src/db/unit';
import { briefingKey, resolveBriefing, type BriefingRef } from '../../src/domain/briefing-selection';
import { AppError } from '../../src/domain/errors';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('briefing-selection-test');
let db: MissionDb;
let missionId = '';
let sheetId = '';

beforeEach(async () => {
  db = freshDb();
  ({ missionId } = await importDossier(db, sample));
  const sheet = await new Repository(db, 'countrySheets').create({
    countryCode: 'TW',
    goals: 'Drie nieuwe vestigingen.',
    emergencyNumbers: 'Politie 110',
  });
  sheetId = sheet.id;
});

/** The briefing as the tab and the book see it, as keys. */
async function briefing(): Promise<string[]> {
  const snapshot = await readMissionSnapshot(db, missionId);
  return resolveBriefing(snapshot.mission.briefingSelection, { ...snapshot, today: '2027-01-01' }).map(briefingKey);
}

const note = (id: string): BriefingRef => ({ kind: 'note', id, section: '' });

describe('setBriefingSelection', () => {
  it('stores the chosen order, leaving out what was left out, and undo puts the proposal back', async () => {
    const proposal = await briefing();
    const notes = (await readMissionSnapshot(db, missionId)).notes.map((n) => n.id);
    expect(proposal).toEqual([
      `sheet:${sheetId}:plan`,
      `sheet:${sheetId}:practical`,
      ...notes.map((id) => `note:${id}:`),
    ]);
    const [first, second, third] = notes as [string, string, string];
    const chosen: BriefingRef[] = [note(third), { kind: 'sheet', id: sheetId, section: 'practical' }, note(first)];
    const { undo } = await setBriefingSelection(db, missionId, chosen);
    expect(await briefing()).toEqual([`note:${third}:`, `sheet:${sheetId}:practical`, `note:${first}:`]);
    expect(await briefing()).not.toContain(`note:${second}:`);
    await applyUndo(db, undo);
    expect(await briefing()).toEqual(proposal);
  });

  it('goes back to the proposal on reset (null)', async () => {
    const proposal = await briefing();
    const notes = (await readMissionSnapshot(db, missionId)).notes.map((n) => n.id);
    await setBriefingSelection(db, missionId, [note(notes[2] ?? '')]);
    expect(await briefing()).toHaveLength(1);
    await setBriefingSelection(db, missionId, null);
    expect((await readMissionSnapshot(db, missionId)).mission.briefingSelection).toBeNull();
    expect(await briefing()).toEqual(proposal);
  });

  it('drops a note deleted after it was chosen, keeping the rest in order', async () => {
    const notes = (await readMissionSnapshot(db, missionId)).notes.map((n) => n.id);
    const [first, second, third] = notes as [string, string, string];
    await setBriefingSelection(db, missionId, [note(third), note(second), note(first)]);
    await new Repository(db, 'notes').remove(second);
    expect(await briefing()).toEqual([`note:${third}:`, `note:${first}:`]);
  });

  it('refuses an entry that does not exist and writes nothing', async () => {
    const notes = (await readMissionSnapshot(db, missionId)).notes.map((n) => n.id);
    const otherSheet = await new Repository(db, 'countrySheets').create({ countryCode: 'JP' });
    const attempts: BriefingRef[][] = [
      [note(notes[0] ?? ''), note('01a30000-0000-7000-8000-00000000dead')],
      [{ kind: 'sheet', id: otherSheet.id, section: 'plan' }],
      [{ kind: 'sheet', id: sheetId, section: '' }],
    ];
    for (const attempt of attempts) {
      const error = await setBriefingSelection(db, missionId, attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).key).toBe('errors.briefingEntryGone');
    }
    expect((await readMissionSnapshot(db, missionId)).mission.briefingSelection).toBeNull();
  });

  it('refuses a malformed choice through validation', async () => {
    const tooMany = Array.from({ length: 201 }, () => note('01a30000-0000-7000-8000-00000000dead'));
    const error = await setBriefingSelection(db, missionId, tooMany).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((await readMissionSnapshot(db, missionId)).mission.briefingSelection).toBeNull();
  });
});
