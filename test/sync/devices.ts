/**
 * Test devices for sync: each has its own fake-indexeddb database, a clock that may be skewed
 * against the shared simulated time, and an engine on a shared vault transport.
 */
import type { MissionDb as Db } from '../../src/db/database';
import { MissionDb } from '../../src/db/database';
import { validateFields } from '../../src/db/repository';
import { inWriteTransaction } from '../../src/db/writer';
import { ENTITY_TABLES, type EntityTable } from '../../src/domain/entities';
import { userFieldsOf } from '../../src/domain/entities/common';
import { newId } from '../../src/domain/ids';
import { createVault, encodeVaultHeader, type UnlockedVault } from '../../src/sync/crypto';
import { SyncEngine } from '../../src/sync/engine';
import type { VaultTransport } from '../../src/sync/transport';
import { MemoryTransport } from '../../src/sync/transports/memory';
import { HEADER_FILE } from '../../src/sync/vault-files';

export const T0 = Date.parse('2026-11-28T08:00:00.000Z');

/** Simulated wall time shared by all devices of a test. */
export class SimClock {
  constructor(public millis: number = T0) {}
  advance(ms: number): void {
    this.millis += ms;
  }
}

let vaultPromise: Promise<{ header: Uint8Array<ArrayBuffer>; vault: UnlockedVault }> | undefined;

/** One vault key per test file: key derivation is deliberately slow, and the runs need not repeat it. */
export function sharedVault(): Promise<{ header: Uint8Array<ArrayBuffer>; vault: UnlockedVault }> {
  vaultPromise ??= createVault('team passphrase for tests', { name: 'pbkdf2-sha256' }).then(({ header, vault }) => ({
    header: encodeVaultHeader(header),
    vault,
  }));
  return vaultPromise;
}

export async function memoryVault(): Promise<{ transport: MemoryTransport; vault: UnlockedVault }> {
  const { header, vault } = await sharedVault();
  const transport = new MemoryTransport();
  await transport.writeNew(HEADER_FILE, header);
  return { transport, vault };
}

let dbCounter = 0;

export class Device {
  readonly engine: SyncEngine;
  skewMs = 0;

  private constructor(
    readonly name: string,
    readonly db: Db,
    readonly clock: SimClock,
    transport: VaultTransport,
    vault: UnlockedVault,
  ) {
    this.engine = new SyncEngine(db, transport, vault, () => this.now());
  }

  static async open(name: string, clock: SimClock, transport: VaultTransport, vault: UnlockedVault): Promise<Device> {
    const db = new MissionDb(`sync-${name}-${++dbCounter}-${Math.random().toString(36).slice(2)}`);
    await db.open();
    return new Device(name, db, clock, transport, vault);
  }

  now(): number {
    return this.clock.millis + this.skewMs;
  }

  /** A write through the app's one write path, at this device's (skewed) time. */
  async put<T extends EntityTable>(table: T, id: string, input: Record<string, unknown>): Promise<string> {
    const fields = validateFields(table, input);
    await inWriteTransaction(
      this.db,
      [table],
      (s) => s.apply({ kind: 'put', table, id, fields }),
      () => this.now(),
    );
    return (await this.db.table(table).get(id))?.hlc as string;
  }

  async create<T extends EntityTable>(table: T, input: Record<string, unknown>): Promise<string> {
    const id = newId(this.now());
    await this.put(table, id, input);
    return id;
  }

  /** Changes some fields of a record, if it is live; returns false when there is nothing to edit. */
  async edit<T extends EntityTable>(table: T, id: string, patch: Record<string, unknown>): Promise<boolean> {
    const current = (await this.db.table(table).get(id)) as Record<string, unknown> | undefined;
    if (!current || current.deleted !== 0) return false;
    await this.put(table, id, { ...userFieldsOf(current), ...patch });
    return true;
  }

  async remove(table: EntityTable, id: string): Promise<boolean> {
    const current = (await this.db.table(table).get(id)) as Record<string, unknown> | undefined;
    if (!current || current.deleted !== 0) return false;
    await inWriteTransaction(
      this.db,
      [table],
      (s) => s.apply({ kind: 'delete', table, id }),
      () => this.now(),
    );
    return true;
  }

  /** Everything that must agree between devices: fields, tombstones, stamps and sort keys. */
  async contents(): Promise<Record<string, Record<string, unknown>>> {
    const out: Record<string, Record<string, unknown>> = {};
    for (const table of ENTITY_TABLES) {
      const rows = (await this.db.table(table).toArray()) as Record<string, unknown>[];
      for (const row of rows) {
        const { createdAt: _c, updatedAt: _u, ...rest } = row;
        out[`${table}/${String(row.id)}`] = rest;
      }
    }
    return out;
  }

  async close(): Promise<void> {
    this.db.close();
    await this.db.delete();
  }
}

export const organisation = (name: string) => ({ name, kind: 'company', countryCode: 'TW' });
export const person = (givenName: string, familyName: string) => ({ givenName, familyName, kind: 'company' });
export const MISSION_ID = '0193a000-0000-7000-8000-000000000001';
export const agendaItem = (title: string, startHour = 9) => ({
  missionId: MISSION_ID,
  title,
  kind: 'meeting',
  start: `2026-12-0${1 + (startHour % 5)}T0${startHour % 10}:00:00.000Z`,
  end: `2026-12-0${1 + (startHour % 5)}T0${startHour % 10}:30:00.000Z`,
  timeZone: 'Asia/Taipei',
});
