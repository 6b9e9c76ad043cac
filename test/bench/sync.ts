/**
 * Sync benchmark: a new device joining from a snapshot of 50,000 records against writing the same
 * records straight into IndexedDB, a sync with nothing new at 5,000 and 50,000 records, and a sync
 * carrying 100 changes. Runs in Node with fake-indexeddb for now (the issue wants the browser's
 * IndexedDB: see the report). `tsx test/bench/sync.ts` prints the figures as JSON on the last line.
 */
import 'fake-indexeddb/auto';
import { MissionDb } from '../../src/db/database';
import { validateFields } from '../../src/db/repository';
import { CLOCK_KEY, inWriteTransaction } from '../../src/db/writer';
import { userFieldsOf } from '../../src/domain/entities/common';
import { createVault, encodeVaultHeader, type UnlockedVault } from '../../src/sync/crypto';
import { SyncEngine } from '../../src/sync/engine';
import { MemoryTransport } from '../../src/sync/transports/memory';
import { HEADER_FILE } from '../../src/sync/vault-files';
import { generateOrganisations } from './seed-organisations';

export interface SyncFigures {
  sync_join_50k_ms: number;
  dexie_bulkput_50k_ms: number;
  sync_join_ratio: number;
  sync_noop_ms: number;
  sync_noop_5k_ms: number;
  sync_noop_50k_ms: number;
  sync_100_changes_ms: number;
  sync_100_push_ms: number;
  environment: string;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
let counter = 0;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** A device whose database already holds `count` organisations written by the app's write path. */
async function seededDevice(count: number, transport: MemoryTransport, vault: UnlockedVault) {
  const data = generateOrganisations(count);
  const db = new MissionDb(`bench-sync-${++counter}`);
  await db.open();
  await db.transaction('rw', [db.organisations, db.changes, db.meta], async () => {
    await db.organisations.bulkPut(data.records);
    await db.changes.bulkAdd(data.changes);
    await db.meta.put({ key: CLOCK_KEY, value: data.clock });
  });
  const now = () => data.clock.millis + 60_000;
  return { db, data, engine: new SyncEngine(db, transport, vault, now), now };
}

async function scenario(count: number, vault: UnlockedVault, header: Uint8Array<ArrayBuffer>) {
  const transport = new MemoryTransport();
  await transport.writeNew(HEADER_FILE, header);
  const source = await seededDevice(count, transport, vault);
  await source.engine.sync({ snapshot: true });
  const joiner = new MissionDb(`bench-sync-${++counter}`);
  await joiner.open();
  const engine = new SyncEngine(joiner, transport, vault, source.now);
  const [joined, joinMs] = await timed(() => engine.sync());
  if (joined.state !== 'synced' || (await joiner.organisations.count()) !== count) throw new Error('join failed');
  const noops: number[] = [];
  for (let i = 0; i < 5; i++) noops.push((await timed(() => engine.sync()))[1]);
  noops.sort((a, b) => a - b);
  const noopMs = noops[2] ?? Number.NaN;

  const bulk = new MissionDb(`bench-sync-${++counter}`);
  await bulk.open();
  const [, bulkMs] = await timed(() => bulk.organisations.bulkPut(source.data.records));

  // 100 edits through the app's write path on the source, pushed, then pulled by the joiner.
  for (const record of source.data.records.slice(0, 100)) {
    const fields = validateFields('organisations', { ...userFieldsOf(record), city: 'Utrecht' });
    await inWriteTransaction(
      source.db,
      ['organisations'],
      (session) => session.apply({ kind: 'put', table: 'organisations', id: record.id, fields }),
      source.now,
    );
  }
  const [, pushMs] = await timed(() => source.engine.sync());
  const [pulled, pullMs] = await timed(() => engine.sync());
  if (pulled.state !== 'synced' || pulled.changedRecords !== 100) throw new Error('100 changes did not arrive');
  for (const db of [source.db, joiner, bulk]) {
    db.close();
    await db.delete();
  }
  return { joinMs, noopMs, bulkMs, pushMs, pullMs };
}

export async function benchSync(): Promise<SyncFigures> {
  const { header, vault } = await createVault('benchmark passphrase', { name: 'pbkdf2-sha256' });
  const bytes = encodeVaultHeader(header);
  const small = await scenario(5_000, vault, bytes);
  const large = await scenario(50_000, vault, bytes);
  return {
    sync_join_50k_ms: round(large.joinMs),
    dexie_bulkput_50k_ms: round(large.bulkMs),
    sync_join_ratio: Math.round((large.joinMs / large.bulkMs) * 1000) / 1000,
    sync_noop_ms: round(large.noopMs),
    sync_noop_5k_ms: round(small.noopMs),
    sync_noop_50k_ms: round(large.noopMs),
    sync_100_changes_ms: round(large.pullMs),
    sync_100_push_ms: round(large.pushMs),
    environment: 'node + fake-indexeddb',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchSync().then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
