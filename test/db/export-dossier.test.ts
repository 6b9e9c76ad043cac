import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import { readDossierInput as readBookCliInput } from '../../scripts/book';
import { listConflicts } from '../../src/db/apply-remote';
import { MissionDb } from '../../src/db/database';
import { exportDossier } from '../../src/db/export-dossier';
import { importDossier, previewDossierImport, readDossierInput } from '../../src/db/import-dossier';
import { removeMission } from '../../src/db/missions';
import { Repository } from '../../src/db/repository';
import { DossierFile } from '../../src/domain/dossier';
import { AppError } from '../../src/domain/errors';
import { ENTITY_TABLES } from '../../src/domain/entities';
import { mergeRecord } from '../../src/sync/merge';
import { decryptDossier, encryptDossier, readDossierBytes } from '../../src/sync/dossier-crypto';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('export-test');
let here: MissionDb;
let there: MissionDb;
let counter = 0;
beforeEach(async () => {
  here = freshDb();
  there = new MissionDb(`export-test-there-${++counter}`);
  await there.open();
});
afterEach(async () => {
  await there.delete();
});

const merge = { merge: mergeRecord };

/** Every table, rows in key order: two equal dumps mean an unchanged database. */
async function dump(db: MissionDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of [...ENTITY_TABLES, 'changes', 'meta']) out[table] = await db.table(table).toArray();
  return JSON.stringify(out);
}

/** What must survive a round trip: fields, stamps, tombstone, sort key (times are device-local). */
async function records(db: MissionDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of ENTITY_TABLES) {
    const rows = (await db.table(table).toArray()) as Record<string, unknown>[];
    out[table] = rows.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest);
  }
  return out;
}

/** The sample loaded here, then exported: a file with stamps. */
async function exportedSample(): Promise<{ missionId: string; text: string }> {
  const { missionId } = await importDossier(here, sample);
  const { text } = await exportDossier(here, missionId);
  return { missionId, text };
}

const parse = (text: string) => readDossierInput(JSON.parse(text));

describe('exporting a dossier', () => {
  it('writes a valid dossier file with a stamp for every field of every record', async () => {
    const { text } = await exportedSample();
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(DossierFile.safeParse(file).success).toBe(true);
    const read = parse(text);
    expect(read.exportedBy).toMatch(/^[0-9a-f]{16}$/);
    const stamps = read.stamps ?? {};
    expect(Object.keys(stamps)).toHaveLength(1 + 6 + 8 + 6 + 12 + 8 + 3 + 7);
    expect(stamps[read.dossier.mission.id]).toMatchObject({ title: expect.any(String), deleted: expect.any(String) });
  });

  it('the briefing-book CLI reads an exported file as it is', async () => {
    const { text } = await exportedSample();
    const path = join(await mkdtemp(join(tmpdir(), 'export-cli-')), 'exported.json');
    await writeFile(path, text);
    const { input } = await readBookCliInput(path);
    expect(input.mission.title).toBe(sample.mission.title);
    expect(input.delegation).toHaveLength(6);
    expect(input.agenda).toHaveLength(12);
  });

  it('imported into a fresh database gives the same records with the same stamps', async () => {
    const { missionId, text } = await exportedSample();
    const preview = await previewDossierImport(there, parse(text), mergeRecord);
    expect(preview.merges).toBe(true);
    expect(preview.kinds.find((k) => k.kind === 'agenda')).toMatchObject({ added: 12, changed: 0, unchanged: 0 });
    // The preview wrote nothing.
    expect(await there.missions.count()).toBe(0);
    expect(await there.changes.count()).toBe(0);

    const result = await importDossier(there, JSON.parse(text), merge);
    expect(result.missionId).toBe(missionId);
    expect(await records(there)).toEqual(await records(here));
  });

  it('importing the same file again changes nothing, here or on another device', async () => {
    const { text } = await exportedSample();
    const before = await dump(here);
    const preview = await previewDossierImport(here, parse(text), mergeRecord);
    expect(preview.nothingToDo).toBe(true);
    expect(await importDossier(here, JSON.parse(text), merge)).toMatchObject({ written: 0 });
    expect(await dump(here)).toBe(before);

    await importDossier(there, JSON.parse(text), merge);
    const once = await dump(there);
    expect(await importDossier(there, JSON.parse(text), merge)).toMatchObject({ written: 0 });
    expect(await dump(there)).toBe(once);
  });

  it('an older stamp does not overwrite a newer local edit; a newer one does, field by field', async () => {
    const { text: first } = await exportedSample();
    await importDossier(there, JSON.parse(first), merge);
    const personId = sample.people[0]?.id ?? '';
    // There: a newer edit of the job title after the file was made.
    await new Repository(there, 'people').update(personId, { jobTitle: 'Edited there' });
    const stale = await previewDossierImport(there, parse(first), mergeRecord);
    expect(stale.nothingToDo).toBe(true);
    await importDossier(there, JSON.parse(first), merge);
    expect((await there.people.get(personId))?.jobTitle).toBe('Edited there');

    // Here: a later edit of another field, exported again: it arrives, the edit there stays.
    await new Repository(here, 'people').update(personId, { phone: '+31 30 123 4567' });
    const { text: second } = await exportDossier(here, (await here.missions.toCollection().first())?.id ?? '');
    const preview = await previewDossierImport(there, parse(second), mergeRecord);
    const people = preview.kinds.find((k) => k.kind === 'people');
    expect(people?.changed).toBe(1);
    expect(people?.changedRecords[0]?.fields).toEqual(['phone']);
    await importDossier(there, JSON.parse(second), merge);
    expect(await there.people.get(personId)).toMatchObject({ jobTitle: 'Edited there', phone: '+31 30 123 4567' });
  });

  it('two edits of one field: the newer wins and the other is kept as a conflict', async () => {
    const { missionId, text } = await exportedSample();
    await importDossier(there, JSON.parse(text), merge);
    const personId = sample.people[1]?.id ?? '';
    await new Repository(there, 'people').update(personId, { jobTitle: 'Older, there' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await new Repository(here, 'people').update(personId, { jobTitle: 'Newer, here' });
    const { text: edited } = await exportDossier(here, missionId);
    const preview = await previewDossierImport(there, parse(edited), mergeRecord);
    expect(preview.kinds.find((k) => k.kind === 'people')).toMatchObject({ changed: 1, conflicts: 1 });
    expect(await importDossier(there, JSON.parse(edited), merge)).toMatchObject({ conflicts: 1 });
    expect((await there.people.get(personId))?.jobTitle).toBe('Newer, here');
    expect(await listConflicts(there)).toEqual([
      expect.objectContaining({ table: 'people', rowId: personId, field: 'jobTitle', kept: 'remote' }),
    ]);
  });

  it('a mission deleted here stays deleted unless the user restores it', async () => {
    const { missionId, text } = await exportedSample();
    await removeMission(here, missionId);
    const preview = await previewDossierImport(here, parse(text), mergeRecord);
    // The mission and its delegation, agenda, targets and tasks; the registry was not deleted.
    expect(preview.deletedHere).toBe(1 + 6 + 12 + 8 + 7);
    expect(preview.kinds.find((k) => k.kind === 'missions')).toMatchObject({ deletedHere: 1, added: 0 });

    const before = await dump(here);
    await importDossier(here, JSON.parse(text), merge);
    expect((await here.missions.get(missionId))?.deleted).toBe(1);
    expect(await dump(here)).toBe(before);

    const result = await importDossier(here, JSON.parse(text), { ...merge, restoreDeleted: true });
    expect(result.written).toBe(1 + 6 + 12 + 8 + 7);
    expect((await here.missions.get(missionId))?.deleted).toBe(0);
    expect(
      await here.agenda
        .where('missionId')
        .equals(missionId)
        .filter((a) => a.deleted === 0)
        .count(),
    ).toBe(12);
  });
});

describe('encrypted dossier files', () => {
  it('round trip: the envelope hides the content and opens with the passphrase', async () => {
    const { text } = await exportedSample();
    const sealed = await encryptDossier(text, 'correct horse battery');
    expect(sealed).not.toContain(sample.mission.title);
    expect(sealed).not.toContain(sample.people[0]?.familyName ?? 'x');
    const opened = readDossierBytes(new TextEncoder().encode(sealed));
    if (opened.kind !== 'encrypted') throw new Error('expected an encrypted file');
    expect(opened.envelope.kdf).toMatchObject({ name: 'argon2id', memoryKiB: 19 * 1024, iterations: 2 });
    const value = await decryptDossier(opened.envelope, 'correct horse battery');
    await importDossier(there, value, merge);
    expect(await records(there)).toEqual(await records(here));
  });

  it('a wrong passphrase is named as such and writes nothing', async () => {
    const { text } = await exportedSample();
    const sealed = await encryptDossier(text, 'correct horse battery', { name: 'pbkdf2-sha256' });
    const opened = readDossierBytes(new TextEncoder().encode(sealed));
    if (opened.kind !== 'encrypted') throw new Error('expected an encrypted file');
    await expect(decryptDossier(opened.envelope, 'wrong horse')).rejects.toMatchObject({
      key: 'errors.dossierPassphrase',
    });
    expect(await there.missions.count()).toBe(0);
  });

  it('one changed byte of the sealed dossier is "changed or damaged", not a wrong passphrase', async () => {
    const { text } = await exportedSample();
    const envelope = JSON.parse(await encryptDossier(text, 'correct horse battery')) as { data: string };
    const middle = Math.floor(envelope.data.length / 2);
    const flipped = envelope.data[middle] === 'A' ? 'B' : 'A';
    envelope.data = envelope.data.slice(0, middle) + flipped + envelope.data.slice(middle + 1);
    const opened = readDossierBytes(new TextEncoder().encode(JSON.stringify(envelope)));
    if (opened.kind !== 'encrypted') throw new Error('expected an encrypted file');
    await expect(decryptDossier(opened.envelope, 'correct horse battery')).rejects.toMatchObject({
      key: 'errors.dossierDamaged',
    });
  });

  it('a header asking for weak key derivation is refused before deriving', async () => {
    const envelope = JSON.parse(await encryptDossier('{}', 'correct horse battery', { name: 'pbkdf2-sha256' })) as {
      kdf: { iterations: number };
    };
    envelope.kdf.iterations = 1000;
    const opened = readDossierBytes(new TextEncoder().encode(JSON.stringify(envelope)));
    if (opened.kind !== 'encrypted') throw new Error('expected an encrypted file');
    await expect(decryptDossier(opened.envelope, 'correct horse battery')).rejects.toMatchObject({
      key: 'errors.dossierDamaged',
    });
  });

  it('a truncated encrypted file is refused', async () => {
    const sealed = await encryptDossier('{"a":1}', 'correct horse battery', { name: 'pbkdf2-sha256' });
    const error = (() => {
      try {
        return readDossierBytes(new TextEncoder().encode(sealed.slice(0, sealed.length - 20)));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('errors.dossierTruncated');
  });
});

/** The import dialog's steps, from the picked file's bytes to the write: guard, open, read, preview, import. */
async function importBytes(db: MissionDb, bytes: Uint8Array, passphrase = ''): Promise<void> {
  const opened = readDossierBytes(bytes);
  const value = opened.kind === 'encrypted' ? await decryptDossier(opened.envelope, passphrase) : opened.value;
  const read = readDossierInput(value);
  await previewDossierImport(db, read, mergeRecord);
  await importDossier(db, read, merge);
}

describe('a damaged or hostile file changes nothing', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  /** Each file with the one error key it must be refused with. */
  async function badFiles(text: string): Promise<[string, Uint8Array, string][]> {
    const file = JSON.parse(text) as Record<string, unknown> & { mission: Record<string, unknown> };
    const sealed = JSON.parse(await encryptDossier(text, 'correct horse battery', { name: 'pbkdf2-sha256' })) as {
      data: string;
    };
    const middle = Math.floor(sealed.data.length / 2);
    const tampered = {
      ...sealed,
      data: sealed.data.slice(0, middle) + (sealed.data[middle] === 'A' ? 'B' : 'A') + sealed.data.slice(middle + 1),
    };
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const oversized = new Uint8Array(100 * 1024 * 1024 + 1).fill(0x20);
    return [
      ['truncated', encode(text.slice(0, Math.floor(text.length / 2))), 'errors.dossierTruncated'],
      ['one byte of the ciphertext flipped', encode(JSON.stringify(tampered)), 'errors.dossierDamaged'],
      ['oversized', oversized, 'errors.dossierTooLarge'],
      [
        '__proto__ key',
        encode(text.replace('"mission": {', '"mission": {"__proto__": {"deleted": 1}, ')),
        'errors.dossierForbiddenKey',
      ],
      [
        '5 MB string',
        encode(JSON.stringify({ ...file, mission: { ...file.mission, title: 'x'.repeat(5 * 1024 * 1024) } })),
        'errors.dossierStringTooLong',
      ],
      ['10,000 deep', encode(text.replace('"mission": {', `"extra": ${deep}, "mission": {`)), 'errors.dossierTooDeep'],
      ['a newer format version', encode(JSON.stringify({ ...file, formatVersion: 3 })), 'errors.dossierTooNew'],
      ['not JSON', encode(text.replace('"mission": {', '"mission": {,')), 'errors.dossierNotJson'],
      ['not UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'errors.dossierNotText'],
      [
        'an invalid record',
        encode(JSON.stringify({ ...file, mission: { ...file.mission, countryCodes: [] } })),
        'errors.dossierInvalid',
      ],
      ['stamps that do not fit', encode(JSON.stringify({ ...file, stamps: {} })), 'errors.dossierStamps'],
    ];
  }

  it('each refusal has its own message, and the database is byte for byte as before', async () => {
    const { missionId, text } = await exportedSample();
    // Concurrent state: the file is older than an edit here, so a half-applied import would show.
    await new Repository(here, 'missions').update(missionId, { title: 'Edited after the export' });
    const cases = await badFiles(text);
    expect(text).toContain('"mission": {');
    const before = await dump(here);
    const keys: string[] = [];
    for (const [name, bytes, key] of cases) {
      const error = await importBytes(here, bytes, 'correct horse battery').then(
        () => new Error(`${name}: imported`),
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).key, name).toBe(key);
      keys.push(key);
      expect(await dump(here), name).toBe(before);
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.prototype).not.toHaveProperty('deleted');
  });

  it('a wrong passphrase writes nothing, into a used or an empty database', async () => {
    const { text } = await exportedSample();
    const sealed = encode(await encryptDossier(text, 'correct horse battery', { name: 'pbkdf2-sha256' }));
    for (const db of [here, there]) {
      const before = await dump(db);
      await expect(importBytes(db, sealed, 'Correct horse battery')).rejects.toMatchObject({
        key: 'errors.dossierPassphrase',
      });
      expect(await dump(db)).toBe(before);
    }
    // The right passphrase then imports it whole.
    await importBytes(there, sealed, 'correct horse battery');
    expect(await records(there)).toEqual(await records(here));
  });
});
