/**
 * An in-memory vault for tests, with fault injection: uploads that vanish, duplicated uploads,
 * listings in random order or lagging behind, and a crash between a write and its record.
 */
import {
  assertVaultPath,
  isTempName,
  splitPath,
  tempNameFor,
  type VaultTransport,
  type WriteOutcome,
} from '../transport';

export interface MemoryFaults {
  /** The next N writes report success but store nothing (a dropped upload). */
  dropWrites: number;
  /** The next N writes store the file and then throw, as if the app crashed before recording it. */
  crashAfterWrites: number;
  /** Listings come back in this random order (a seeded generator), not sorted. */
  shuffle: (() => number) | null;
  /** Files written in the last N writes are left out of listings (an eventually consistent server). */
  listingLag: number;
}

export class SimulatedCrash extends Error {
  constructor(path: string) {
    super(`simulated crash after writing ${path}`);
    this.name = 'SimulatedCrash';
  }
}

export class MemoryTransport implements VaultTransport {
  readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
  private readonly folders = new Set<string>(['']);
  private readonly writeOrder: string[] = [];
  faults: MemoryFaults = { dropWrites: 0, crashAfterWrites: 0, shuffle: null, listingLag: 0 };

  async ensureFolder(folder: string): Promise<void> {
    assertVaultPath(folder);
    this.folders.add(folder);
  }

  async list(folder: string): Promise<string[]> {
    assertVaultPath(folder);
    const hidden = new Set(this.faults.listingLag > 0 ? this.writeOrder.slice(-this.faults.listingLag) : []);
    const names: string[] = [];
    for (const path of this.files.keys()) {
      const split = splitPath(path);
      if (split.folder === folder && !isTempName(split.name) && !hidden.has(path)) names.push(split.name);
    }
    names.sort();
    const random = this.faults.shuffle;
    if (random) {
      for (let i = names.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [names[i], names[j]] = [names[j] as string, names[i] as string];
      }
    }
    return names;
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    assertVaultPath(path);
    const bytes = this.files.get(path);
    return bytes ? bytes.slice() : undefined;
  }

  async writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome> {
    assertVaultPath(path);
    if (!this.folders.has(splitPath(path).folder)) throw new Error(`no folder for ${path}`);
    if (this.faults.dropWrites > 0) {
      this.faults.dropWrites--;
      return 'written';
    }
    const temp = tempNameFor(path);
    this.files.set(temp, bytes.slice());
    const outcome = await this.rename(temp, path);
    if (outcome === 'exists') this.files.delete(temp);
    if (this.faults.crashAfterWrites > 0) {
      this.faults.crashAfterWrites--;
      throw new SimulatedCrash(path);
    }
    return outcome;
  }

  async rename(from: string, to: string): Promise<WriteOutcome> {
    assertVaultPath(from);
    assertVaultPath(to);
    const bytes = this.files.get(from);
    if (!bytes) throw new Error(`no file ${from}`);
    if (this.files.has(to)) return 'exists';
    this.files.delete(from);
    this.files.set(to, bytes);
    this.writeOrder.push(to);
    return 'written';
  }
}
