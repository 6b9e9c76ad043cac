/**
 * Mission-level writes that span tables, each one unit of work: a new mission, a mission
 * duplicated as a template, a delegation member added with a person created on the spot, the
 * country briefing chosen by hand.
 */
import { toSelection, type BriefingRef } from '../domain/briefing-selection';
import type { InputOf } from '../domain/entities';
import { AppError } from '../domain/errors';
import { userFieldsOf } from '../domain/entities/common';
import type { AgendaItemFields } from '../domain/entities/agenda-item';
import type { DelegationMemberFields } from '../domain/entities/delegation-member';
import type { TargetFields } from '../domain/entities/target';
import type { TaskFields } from '../domain/entities/task';
import { newId } from '../domain/ids';
import { missionFromTemplate, type MissionStructure } from '../domain/mission-template';
import { INITIAL_STATUS } from '../domain/mission-workflow';
import type { MissionDb } from './database';
import { readMissionSnapshot } from './snapshot';
import { readTaskTemplate } from './task-template';
import { runUnit, validateFields } from './unit';

export async function createMission(db: MissionDb, input: InputOf<'missions'>, language: 'nl' | 'en' = 'nl') {
  const fields = validateFields('missions', { ...input, status: INITIAL_STATUS });
  const template = await readTaskTemplate(db, language);
  return runUnit(db, ['missions', 'tasks'], async (unit) => {
    const mission = await unit.create('missions', fields);
    for (const [order, task] of template.entries()) {
      await unit.create('tasks', { missionId: mission.id, ...task, order });
    }
    return mission;
  });
}

/** A copy of the mission moved to `startDate`: same people, organisations, roles and agenda shape. */
export async function duplicateMission(db: MissionDb, missionId: string, startDate: string, title: string) {
  const snapshot = await readMissionSnapshot(db, missionId);
  const fieldsOf = <T>(record: object) => userFieldsOf(record) as T;
  const source: MissionStructure = {
    mission: fieldsOf(snapshot.mission),
    delegation: snapshot.delegation.map((row) => fieldsOf<DelegationMemberFields>(row)),
    agenda: snapshot.agenda.map((row) => fieldsOf<AgendaItemFields>(row)),
    targets: snapshot.targets.map((row) => fieldsOf<TargetFields>(row)),
    tasks: snapshot.tasks.map((row) => fieldsOf<TaskFields>(row)),
  };
  const id = newId();
  const copy = missionFromTemplate(source, startDate, id, title);
  return runUnit(db, ['missions', 'delegation', 'agenda', 'targets', 'tasks'], async (unit) => {
    const mission = await unit.create('missions', copy.mission, id);
    for (const row of copy.delegation) await unit.create('delegation', row);
    for (const row of copy.agenda) await unit.create('agenda', row);
    for (const row of copy.targets) await unit.create('targets', row);
    for (const row of copy.tasks) await unit.create('tasks', row);
    return mission;
  });
}

export type NewMember = Omit<InputOf<'delegation'>, 'missionId' | 'personId'>;

/** Adds someone to the delegation: an existing person, or a new one created in the same unit. */
export async function addDelegationMember(
  db: MissionDb,
  missionId: string,
  person: { existingId: string } | { create: InputOf<'people'> },
  member: NewMember,
) {
  return runUnit(db, ['people', 'delegation'], async (unit) => {
    const personId = 'existingId' in person ? person.existingId : (await unit.create('people', person.create)).id;
    return unit.create('delegation', { ...member, missionId, personId });
  });
}

/** Deletes a mission with its own records (delegation, agenda, targets, tasks); the registry stays. */
export async function removeMission(db: MissionDb, missionId: string) {
  const tables = ['delegation', 'agenda', 'targets', 'tasks'] as const;
  const owned = await Promise.all(
    tables.map(async (table) => ({
      table,
      ids: (await db
        .table(table)
        .where('missionId')
        .equals(missionId)
        .filter((row: { deleted: 0 | 1 }) => row.deleted === 0)
        .primaryKeys()) as string[],
    })),
  );
  return runUnit(db, ['missions', ...tables], async (unit) => {
    for (const { table, ids } of owned) for (const id of ids) await unit.remove(table, id);
    await unit.remove('missions', missionId);
  });
}

/**
 * Stores a mission's country briefing as chosen by hand (null: back to the proposal), as one
 * undoable unit. Every entry must still exist: a live note, or a section of the live sheet of one
 * of the mission's countries; anything else is refused before a byte is written.
 */
export async function setBriefingSelection(db: MissionDb, missionId: string, selection: readonly BriefingRef[] | null) {
  // The notes and sheets are in the transaction so that what is checked is what is stored.
  return runUnit(db, ['missions', 'notes', 'countrySheets'], async (unit) => {
    const mission = await unit.get('missions', missionId);
    if (!mission) throw new AppError('errors.notFound', `mission ${missionId} not found`);
    const refs = selection === null ? null : toSelection(selection);
    if (refs !== null) {
      const noteIds = [...new Set(refs.filter((ref) => ref.kind === 'note').map((ref) => ref.id))];
      const sheetIds = [...new Set(refs.filter((ref) => ref.kind === 'sheet').map((ref) => ref.id))];
      const [notes, sheets] = await Promise.all([db.notes.bulkGet(noteIds), db.countrySheets.bulkGet(sheetIds)]);
      const goneNote = notes.some((note) => !note || note.deleted === 1);
      const goneSheet = sheets.some(
        (sheet) => !sheet || sheet.deleted === 1 || !mission.countryCodes.includes(sheet.countryCode),
      );
      if (goneNote || goneSheet || refs.some((ref) => (ref.kind === 'sheet') !== (ref.section !== ''))) {
        throw new AppError('errors.briefingEntryGone', `briefing of mission ${missionId} names a missing entry`);
      }
    }
    return unit.update('missions', missionId, { briefingSelection: refs });
  });
}
