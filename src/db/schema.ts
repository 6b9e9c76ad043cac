/**
 * The IndexedDB schema, as dated cumulative versions. Never edit a released version: add a new
 * one with its own upgrade, and a test in test/db that fills the previous version and opens it
 * with the current code.
 */
import type { Transaction } from 'dexie';
import { upgradeToV2 } from './upgrades/v2-dossier-editing';

export interface SchemaVersion {
  readonly version: number;
  /** The day this version was written, for the reader of the history. */
  readonly date: string;
  /** Dexie store definitions: only the indexed properties are listed. */
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const DATABASE_NAME = 'mission-dossier';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    date: '2026-11-28',
    stores: {
      missions: 'id, [deleted+sortKey], status, countryCode, hlc',
      people: 'id, [deleted+sortKey], hlc',
      organisations: 'id, [deleted+sortKey], countryCode, hlc',
      delegation: 'id, missionId, personId, hlc',
      agenda: 'id, missionId, [missionId+start], organisationId, hlc',
      targets: 'id, missionId, organisationId, hlc',
      notes: 'id, [deleted+sortKey], countryCode, hlc',
      // The local change log: one row per write, in order; sync and the search index read it.
      changes: '++seq, hlc, [table+rowId]',
      // Device id and the clock state: local to this device, never synced.
      meta: 'key',
    },
  },
  {
    // Dossier editing: several destination countries, tagged notes, preparation tasks, photos,
    // and the record of issued briefing books (local: each device remembers what it issued).
    version: 2,
    date: '2026-11-28',
    stores: {
      missions: 'id, [deleted+sortKey], status, *countryCodes, hlc',
      notes: 'id, [deleted+sortKey], *countryCodes, hlc',
      people: 'id, [deleted+sortKey], organisationId, hlc',
      tasks: 'id, missionId, hlc',
      photos: 'id, hlc',
      bookIssues: '[missionId+version], missionId',
    },
    upgrade: upgradeToV2,
  },
  {
    // The team's knowledge: a country sheet (landenfiche) per country. Missions gain an optional
    // hand-made briefing selection; null (the default, also for existing rows) means "as proposed".
    version: 3,
    date: '2026-11-28',
    stores: {
      countrySheets: 'id, [deleted+sortKey], &countryCode, hlc',
    },
    upgrade: async (tx) => {
      await tx
        .table('missions')
        .toCollection()
        .modify((mission: Record<string, unknown>) => {
          if (mission.briefingSelection === undefined) mission.briefingSelection = null;
        });
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]?.version ?? 1;
