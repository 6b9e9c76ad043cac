/**
 * The sync benchmark's scenario, free of any environment: it runs in Chromium (bundled by
 * sync.ts, on the browser's own IndexedDB) and, for a quick look, in Node with fake-indexeddb.
 * A device holding `count` organisations written by the app's write path takes a snapshot; a new
 * device joins from it; then no-op syncs, and 100 edits pushed by one device and pulled by the other.
 * The peer: the same records written straight into IndexedDB with one Dexie bulkPut.
 */
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
}

const round = (ms: number) => Math.round(ms * 10) / 10;
let counter = 0;
let settle = 0;
const pause = () => new Promise((resolve) => setTimeout(resolve, settle));
const run = `${Date.now().toString(36)}`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function freshDb(): Promise<MissionDb> {
  const db = new MissionDb(`bench-sync-${run}-${++counter}`);
  await db.open();
  return db;
}

/** A device whose database already holds `count` organisations written by the app's write path. */
async function seededDevice(count: number, seed: number, transport: MemoryTransport, vault: UnlockedVault) {
  const data = generateOrganisations(count, seed);
  const db = await freshDb();
  await db.transaction('rw', [db.organisations, db.changes, db.meta], async () => {
    await db.organisations.bulkPut(data.records);
    await db.changes.bulkAdd(data.changes);
    await db.meta.put({ key: CLOCK_KEY, value: data.clock });
  });
  const now = () => data.clock.millis + 60_000;
  return { db, data, engine: new SyncEngine(db, transport, vault, now), now };
}

export interface ScenarioTimes {
  readonly joinMs: number;
  readonly bulkMs: number;
  readonly noopMs: number;
  readonly pushMs: number;
  readonly pullMs: number;
}

async function scenario(
  count: number,
  seed: number,
  vault: UnlockedVault,
  header: Uint8Array<ArrayBuffer>,
): Promise<ScenarioTimes> {
  const transport = new MemoryTransport();
  await transport.writeNew(HEADER_FILE, header);
  const source = await seededDevice(count, seed, transport, vault);
  await source.engine.sync({ snapshot: true });

  // The peer, on a fresh database of its own: one bulkPut of the same records. Measured before
  // and after the join, the faster one counts (whatever the browser does in the background
  // after a large write then slows the join rather than the peer).
  // The peer databases are deleted at the end: deleting 50,000 records sets IndexedDB's storage
  // to work in the background, which would slow the no-op syncs measured next, not the peer.
  const peers: MissionDb[] = [];
  const bulkPut = async () => {
    const bulk = await freshDb();
    peers.push(bulk);
    const [, ms] = await timed(() => bulk.organisations.bulkPut(source.data.records));
    return ms;
  };
  const bulkBefore = await bulkPut();

  const joiner = await freshDb();
  const engine = new SyncEngine(joiner, transport, vault, source.now);
  const [joined, joinMs] = await timed(() => engine.sync());
  if (joined.state !== 'synced' || (await joiner.organisations.count()) !== count) throw new Error('join failed');
  const bulkMs = Math.min(bulkBefore, await bulkPut());
  await pause();
  const noops: number[] = [];
  for (let i = 0; i < 9; i++) noops.push((await timed(() => engine.sync()))[1]);

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
  await pause();
  const [, pushMs] = await timed(() => source.engine.sync());
  const [pulled, pullMs] = await timed(() => engine.sync());
  if (pulled.state !== 'synced' || pulled.changedRecords !== 100) throw new Error('100 changes did not arrive');
  for (const db of [source.db, joiner, ...peers]) {
    db.close();
    await db.delete();
  }
  return { joinMs, noopMs: median(noops), bulkMs, pushMs, pullMs };
}

/** Both sizes, PBKDF2 vault (the derivation is not what is measured). */
export async function syncFigures(seed: number, settleMs = 0): Promise<SyncFigures> {
  settle = settleMs;
  const { header, vault } = await createVault('benchmark passphrase', { name: 'pbkdf2-sha256' });
  const bytes = encodeVaultHeader(header);
  const small = await scenario(5_000, seed, vault, bytes);
  const large = await scenario(50_000, seed, vault, bytes);
  return {
    sync_join_50k_ms: round(large.joinMs),
    dexie_bulkput_50k_ms: round(large.bulkMs),
    sync_join_ratio: Math.round((large.joinMs / large.bulkMs) * 1000) / 1000,
    sync_noop_ms: round(large.noopMs),
    sync_noop_5k_ms: round(small.noopMs),
    sync_noop_50k_ms: round(large.noopMs),
    sync_100_changes_ms: round(large.pullMs),
    sync_100_push_ms: round(large.pushMs),
  };
}
