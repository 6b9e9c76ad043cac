/**
 * Imports a dossier file (the sample mission today; exported dossiers later). The whole file is
 * validated first; then everything is written in one transaction, or nothing is.
 */
import type { DossierFile } from '../domain/dossier';
import { readDossierFile } from '../domain/dossier-read';
import type { EntityTable, FieldsOf } from '../domain/entities';
import { newId } from '../domain/ids';
import type { MissionDb } from './database';
import { inWriteTransaction } from './writer';

export interface ImportResult {
  readonly missionId: string;
  readonly written: number;
}

const MISSION_TABLES = ['delegation', 'agenda', 'targets', 'tasks'] as const;
const REGISTRY_TABLES = ['photos', 'people', 'organisations', 'notes'] as const;
const ALL_TABLES: EntityTable[] = ['missions', ...MISSION_TABLES, ...REGISTRY_TABLES, 'countrySheets'];

/** A dossier file of any known format version, upgraded and validated whole. */
export function parseDossier(input: unknown): DossierFile {
  return readDossierFile(input);
}

function stripId<T extends { id: string }>(row: T): Omit<T, 'id'> {
  const { id: _id, ...fields } = row;
  return fields;
}

/**
 * Registry records (people, organisations, notes) keep their ids and are added only where this
 * device does not have them yet: the registry is shared, and local edits win over a file.
 * The mission and its own records get fresh ids, so the same file can be loaded as a new dossier.
 */
export async function importDossier(db: MissionDb, input: unknown): Promise<ImportResult> {
  const dossier = parseDossier(input);
  const missionId = newId();
  const rekey = new Map<string, string>([[dossier.mission.id, missionId]]);
  for (const table of MISSION_TABLES) for (const row of dossier[table]) rekey.set(row.id, newId());
  const mapId = (id: string) => rekey.get(id) ?? id;

  return inWriteTransaction(db, ALL_TABLES, async (session) => {
    let written = 0;
    const put = async <T extends EntityTable>(table: T, id: string, fields: FieldsOf<T>) => {
      if (await session.apply({ kind: 'put', table, id, fields })) written++;
    };
    for (const table of REGISTRY_TABLES) {
      const existing = new Set(
        await db
          .table(table)
          .where('id')
          .anyOf(dossier[table].map((row) => row.id))
          .primaryKeys(),
      );
      for (const row of dossier[table]) {
        if (!existing.has(row.id)) await put(table, row.id, stripId(row) as FieldsOf<typeof table>);
      }
    }
    // One sheet per country: a file's sheet for a country this device already has a sheet for is
    // left out, like any registry record the device already holds (local edits win).
    const sheetCountries = new Set(
      (
        await db.countrySheets
          .where('countryCode')
          .anyOf(dossier.countrySheets.map((s) => s.countryCode))
          .toArray()
      ).map((sheet) => sheet.countryCode),
    );
    for (const row of dossier.countrySheets) {
      if (!sheetCountries.has(row.countryCode)) await put('countrySheets', row.id, stripId(row));
    }
    await put('missions', missionId, stripId(dossier.mission));
    for (const table of MISSION_TABLES) {
      for (const row of dossier[table]) {
        await put(table, mapId(row.id), { ...stripId(row), missionId } as FieldsOf<typeof table>);
      }
    }
    return { missionId, written };
  });
}
