/**
 * A pure model of the sync protocol around the real merge core (src/sync/merge.ts): replicas with
 * skewed HLC clocks, append-only files per device, cursors, and the faults a vault produces. It
 * also keeps an oracle of what each replica knew at each write, independent of the merge code.
 */
import type { Conflict, FieldState, IncomingRecord, KnowledgeVector, RemoteBatch } from '../../src/db/apply-remote';
import { formatHlc, initialClock, receive, tick, type HlcState } from '../../src/domain/hlc';
import { mergeRecord, stampDevice } from '../../src/sync/merge';

export interface ModelFile extends RemoteBatch {
  readonly seq: number;
}

/** One acknowledged local write of one field. */
export interface Write {
  readonly key: string;
  readonly field: string;
  readonly value: unknown;
  readonly stamp: string;
  /** What the writer had applied when it wrote: per device, the newest stamp. */
  readonly knew: KnowledgeVector;
}

export type Fault = 'none' | 'duplicate' | 'reorder' | 'drop' | 'crash';

export class Vault {
  readonly files: ModelFile[] = [];
  private readonly index = new Map<string, ModelFile>();
  add(file: ModelFile): void {
    this.files.push(file);
    this.index.set(`${file.sender}:${file.seq}`, file);
  }
  find(sender: string, seq: number): ModelFile | undefined {
    return this.index.get(`${sender}:${seq}`);
  }
}

export class Replica {
  clock: HlcState;
  readonly records = new Map<string, FieldState>();
  readonly conflicts = new Map<string, Conflict>();
  /** Own writes not yet in a recorded file. */
  private outbox: IncomingRecord[] = [];
  private nextSeq = 1;
  readonly cursors: Record<string, { seq: number; stamp: string }> = {};
  readonly vectors: Record<string, KnowledgeVector> = {};
  /** The oracle: newest stamp applied per device (own writes included). */
  readonly knowledge: KnowledgeVector = {};

  constructor(
    readonly device: string,
    readonly skew: number,
  ) {
    this.clock = initialClock(device);
  }

  private stamp(now: number): string {
    this.clock = tick(this.clock, now + this.skew);
    const stamp = formatHlc(this.clock);
    this.knowledge[this.device] = stamp;
    return stamp;
  }

  /** A local write: stamps the fields, keeps the write for the oracle, queues it for the next push. */
  write(key: string, fields: Record<string, unknown>, now: number, writes: Write[]): void {
    const knew = { ...this.knowledge };
    const stamp = this.stamp(now);
    const current = this.records.get(key) ?? { fields: {}, stamps: {} };
    const next: FieldState = { fields: { ...current.fields }, stamps: { ...current.stamps } };
    for (const [field, value] of Object.entries(fields)) {
      next.fields[field] = value;
      next.stamps[field] = stamp;
      writes.push({ key, field, value, stamp, knew });
    }
    this.records.set(key, next);
    const [table = '', id = ''] = key.split('/');
    const stamps = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
    this.outbox.push({ table, id, fields, stamps });
  }

  isLive(key: string): boolean {
    return this.records.get(key)?.fields.deleted === 0;
  }

  private seen(): Record<string, string> {
    const seen: Record<string, string> = {};
    for (const [device, cursor] of Object.entries(this.cursors)) seen[device] = cursor.stamp;
    seen[this.device] = formatHlc(this.clock);
    return seen;
  }

  /** Sends the outbox as one file. `drop`: the upload vanishes (kept for a retry); `crash`: written, not recorded. */
  push(vault: Vault, fault: Fault): void {
    const existing = vault.find(this.device, this.nextSeq);
    if (existing) {
      // Adopt a file a crash left unrecorded: its records are already out.
      this.outbox = this.outbox.slice(existing.records.length);
      this.nextSeq++;
    }
    if (this.outbox.length === 0) return;
    const file: ModelFile = { sender: this.device, seq: this.nextSeq, seen: this.seen(), records: [...this.outbox] };
    if (fault === 'drop') return;
    vault.add(file);
    if (fault === 'crash') return;
    this.outbox = [];
    this.nextSeq++;
  }

  /** Applies one batch with the real merge; returns whether anything changed. */
  apply(batch: RemoteBatch, now: number): boolean {
    const context = {
      me: this.device,
      sender: batch.sender,
      senderSeen: batch.seen,
      mine: Object.fromEntries(Object.entries(this.cursors).map(([d, c]) => [d, c.stamp])),
      vectors: { ...this.vectors },
    };
    let changed = false;
    for (const record of batch.records) {
      const key = `${record.table}/${record.id}`;
      const outcome = mergeRecord(this.records.get(key), record, context);
      for (const conflict of outcome.conflicts) {
        const losing = conflict.kept === 'local' ? conflict.remote.stamp : conflict.local.stamp;
        this.conflicts.set(`${conflict.table}/${conflict.rowId}:${conflict.field}:${losing}`, conflict);
      }
      if (Object.keys(outcome.changed).length > 0) {
        this.records.set(key, { fields: outcome.fields, stamps: outcome.stamps });
        changed = true;
      }
      for (const stamp of Object.values(record.stamps)) {
        const device = stampDevice(stamp);
        if (stamp > (this.knowledge[device] ?? '')) this.knowledge[device] = stamp;
        this.clock = receive(this.clock, stamp, now + this.skew);
      }
    }
    this.vectors[batch.sender] = batch.seen;
    return changed;
  }

  /** Pulls the given peers' files after their cursors, in sequence order, stopping at a gap. */
  pull(vault: Vault, peers: readonly string[], now: number, fault: Fault, random: () => number): void {
    const order = [...peers];
    if (fault === 'reorder') order.sort(() => random() - 0.5);
    for (const peer of order) {
      for (;;) {
        const seq = (this.cursors[peer]?.seq ?? 0) + 1;
        const file = vault.find(peer, seq);
        if (!file) break;
        this.apply(file, now);
        let newest = this.cursors[peer]?.stamp ?? '';
        for (const record of file.records) for (const s of Object.values(record.stamps)) if (s > newest) newest = s;
        this.cursors[peer] = { seq, stamp: newest };
        if (fault === 'duplicate') {
          const before = JSON.stringify([...this.records]);
          const conflictsBefore = this.conflicts.size;
          if (this.apply(file, now) || JSON.stringify([...this.records]) !== before) {
            throw new Error('applying a file twice changed the replica');
          }
          if (this.conflicts.size !== conflictsBefore) throw new Error('applying a file twice listed new conflicts');
        }
      }
    }
  }
}
