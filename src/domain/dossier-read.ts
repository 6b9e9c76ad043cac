/**
 * Reads a dossier file of any format version this app knows: older versions are upgraded on
 * read, step by step, then the whole file is validated. A newer version is refused with its own
 * message, so the user knows to update the app rather than that the file is broken.
 */
import { DOSSIER_FORMAT, DOSSIER_FORMAT_VERSION, DossierFile } from './dossier';
import { AppError, issuesFromZod } from './errors';
import { upgradeRecordV1toV2 } from './upgrades/v1-to-v2';

type Row = Record<string, unknown>;

const isObject = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The v2 form of a v1 file: every record upgraded, the new collections empty. */
function upgradeFileV1toV2(file: Row): Row {
  const rows = (table: string) => (Array.isArray(file[table]) ? (file[table] as unknown[]) : []);
  const upgraded = (table: string) => rows(table).map((row) => (isObject(row) ? upgradeRecordV1toV2(table, row) : row));
  return {
    ...file,
    formatVersion: 2,
    mission: isObject(file.mission) ? upgradeRecordV1toV2('missions', file.mission) : file.mission,
    people: upgraded('people'),
    organisations: upgraded('organisations'),
    delegation: upgraded('delegation'),
    agenda: upgraded('agenda'),
    targets: upgraded('targets'),
    notes: upgraded('notes'),
    tasks: [],
    photos: [],
    countrySheets: [],
  };
}

/** Upgrade steps: the step at index i takes a file of version i + 1 to version i + 2. */
const UPGRADES: readonly ((file: Row) => Row)[] = [upgradeFileV1toV2];

export function readDossierFile(input: unknown): DossierFile {
  if (!isObject(input) || input.format !== DOSSIER_FORMAT) {
    throw new AppError('errors.notADossier', 'not a mission dossier file');
  }
  const version = input.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('errors.notADossier', `bad format version ${String(version)}`);
  }
  if (version > DOSSIER_FORMAT_VERSION) {
    throw new AppError('errors.dossierTooNew', `format version ${version} is newer than ${DOSSIER_FORMAT_VERSION}`);
  }
  let file: Row = input;
  for (let step = version; step < DOSSIER_FORMAT_VERSION; step++) {
    const upgrade = UPGRADES[step - 1];
    if (!upgrade) throw new AppError('errors.unexpected', `no upgrade from format version ${step}`);
    file = upgrade(file);
  }
  const result = DossierFile.safeParse(file);
  if (!result.success) {
    throw new AppError('errors.invalidInput', 'not a valid dossier file', issuesFromZod(result.error.issues));
  }
  return result.data;
}
