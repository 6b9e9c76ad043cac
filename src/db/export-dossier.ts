/**
 * Exports one mission with everything it links to as a dossier file (docs/dossier-format.md),
 * with every record's field stamps and the exporting device, so that an import merges the file
 * by the same rule as sync.
 */
import type { DossierFile } from '../domain/dossier';
import { userFieldsOf } from '../domain/entities/common';
import type { MissionDb } from './database';
import { readMissionSnapshot, snapshotToDossier, type MissionSnapshot } from './snapshot';
import { deviceId } from './writer';

/** Per record id, per field (`deleted` included), the stamp of its last change. */
export type DossierStamps = Record<string, Record<string, string>>;

export type ExportedDossier = DossierFile & { readonly exportedBy: string; readonly stamps: DossierStamps };

interface Stamped {
  readonly id: string;
  readonly stamps: Record<string, string>;
}

/**
 * A record's stamps for exactly its user fields and `deleted`. A field without a stamp (one added
 * by a database upgrade, never edited since) gets the record's oldest stamp: it loses to any edit.
 */
function stampsOf(record: Stamped): Record<string, string> {
  const own = record.stamps;
  let oldest = '';
  for (const stamp of Object.values(own)) if (oldest === '' || stamp < oldest) oldest = stamp;
  const out: Record<string, string> = {};
  for (const field of [...Object.keys(userFieldsOf(record)), 'deleted']) {
    const stamp = own[field] ?? oldest;
    if (stamp !== '') out[field] = stamp;
  }
  return out;
}

function stampsOfSnapshot(snapshot: MissionSnapshot): DossierStamps {
  const records: Stamped[] = [
    snapshot.mission,
    ...snapshot.people,
    ...snapshot.organisations,
    ...snapshot.delegation,
    ...snapshot.agenda,
    ...snapshot.targets,
    ...snapshot.notes,
    ...snapshot.tasks,
    ...snapshot.photos,
    ...snapshot.countrySheets,
  ];
  return Object.fromEntries(records.map((record) => [record.id, stampsOf(record)]));
}

/** The mission as an exported dossier file, and its text (UTF-8 JSON). */
export async function exportDossier(
  db: MissionDb,
  missionId: string,
): Promise<{ readonly file: ExportedDossier; readonly text: string }> {
  const snapshot = await readMissionSnapshot(db, missionId);
  const file: ExportedDossier = {
    ...snapshotToDossier(snapshot),
    exportedBy: (await deviceId(db)) ?? '',
    stamps: stampsOfSnapshot(snapshot),
  };
  return { file, text: `${JSON.stringify(file, null, 1)}\n` };
}
