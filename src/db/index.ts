/** The app's database and repositories. The only door to stored data for stores and screens. */
import { MissionDb } from './database';
import { Repository } from './repository';
import { importDossier } from './import-dossier';
import { readMissionSnapshot } from './snapshot';

export const db = new MissionDb();

export const repositories = {
  missions: new Repository(db, 'missions'),
  people: new Repository(db, 'people'),
  organisations: new Repository(db, 'organisations'),
  delegation: new Repository(db, 'delegation'),
  agenda: new Repository(db, 'agenda'),
  targets: new Repository(db, 'targets'),
  notes: new Repository(db, 'notes'),
  tasks: new Repository(db, 'tasks'),
  photos: new Repository(db, 'photos'),
};

export const dossiers = {
  import: (file: unknown) => importDossier(db, file),
  snapshot: (missionId: string) => readMissionSnapshot(db, missionId),
};

export * as queries from './queries';
export * as missionWrites from './missions';
export * as taskTemplate from './task-template';
export { runUnit } from './unit';
export type { MissionDb } from './database';
