import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../../src/db/database';
import { applyUndo } from '../../../src/db/unit';
import {
  changedPersonFields,
  createPerson,
  deletePerson,
  removePersonPhoto,
  savePerson,
  setPersonPhoto,
} from '../../../src/features/people/people-actions';
import { preparePhoto } from '../../../src/features/people/resize-photo';
import { useFreshDb } from '../../db/fresh-db';

const freshDb = useFreshDb('people-actions');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const anna = { givenName: 'Anna', familyName: 'de Vries', kind: 'official', email: 'a.devries@example.nl' } as const;
// The table checks base64 and size, not the picture: the canvas path is covered end to end.
const photo = { mime: 'image/jpeg', data: 'AAAA', width: 512, height: 384 } as const;

async function counts() {
  return { people: await db.people.count(), photos: await db.photos.count(), changes: await db.changes.count() };
}

describe('editing a person', () => {
  it('saves only what the form changed, and undo puts it back', async () => {
    const { result: created } = await createPerson(db, anna);
    const saved = await savePerson(db, created.id, { jobTitle: 'Beleidsadviseur', honorific: 'drs.' });
    expect(saved?.result).toMatchObject({ jobTitle: 'Beleidsadviseur', honorific: 'drs.', email: anna.email });
    await applyUndo(db, saved?.undo ?? []);
    expect(await db.people.get(created.id)).toMatchObject({ jobTitle: '', honorific: '' });
  });

  it('refuses an invalid e-mail address and keeps the stored one', async () => {
    const { result: created } = await createPerson(db, anna);
    const before = await counts();
    await expect(savePerson(db, created.id, { email: 'anna at example' })).rejects.toMatchObject({
      key: 'errors.invalidInput',
      issues: [expect.objectContaining({ path: 'email' })],
    });
    expect((await db.people.get(created.id))?.email).toBe(anna.email);
    expect(await counts()).toEqual(before);
  });

  it('writes nothing for a form that changed nothing', async () => {
    const { result: created } = await createPerson(db, anna);
    const before = await counts();
    expect(await savePerson(db, created.id, {})).toBeNull();
    expect(await counts()).toEqual(before);
  });

  it('never puts back a photo link from a form opened before the photo was added', async () => {
    const { result: created } = await createPerson(db, anna);
    const { result: stored } = await setPersonPhoto(db, created.id, photo);
    const { id: _i, createdAt: _c, updatedAt: _u, deleted: _d, stamps: _s, hlc: _h, sortKey: _k, ...opened } = created;
    const patch = changedPersonFields(opened, { ...opened, photoId: '', phone: '+31 30 123 4567' });
    expect(patch).toEqual({ phone: '+31 30 123 4567' });
    await savePerson(db, created.id, patch);
    expect((await db.people.get(created.id))?.photoId).toBe(stored.id);
  });

  it('deletes as a tombstone that undo brings back', async () => {
    const { result: created } = await createPerson(db, anna);
    const steps = await deletePerson(db, created.id);
    expect((await db.people.get(created.id))?.deleted).toBe(1);
    await applyUndo(db, steps);
    expect(await db.people.get(created.id)).toMatchObject({ deleted: 0, familyName: 'de Vries' });
  });
});

describe("a person's photo", () => {
  it('is stored together with the link to it, and undo removes both', async () => {
    const { result: created } = await createPerson(db, anna);
    const { result: stored, undo } = await setPersonPhoto(db, created.id, photo);
    expect((await db.people.get(created.id))?.photoId).toBe(stored.id);
    expect(await db.photos.get(stored.id)).toMatchObject({ deleted: 0, width: 512, height: 384 });
    await applyUndo(db, undo);
    expect((await db.people.get(created.id))?.photoId).toBe('');
    expect((await db.photos.get(stored.id))?.deleted).toBe(1);
  });

  it('lands not at all when the photo is refused: no photo row, no link, no change logged', async () => {
    const { result: created } = await createPerson(db, anna);
    const before = await counts();
    const tooLarge = { ...photo, data: 'A'.repeat(400_004) };
    await expect(setPersonPhoto(db, created.id, tooLarge)).rejects.toMatchObject({ key: 'errors.invalidInput' });
    expect(await counts()).toEqual(before);
    expect((await db.people.get(created.id))?.photoId).toBe('');
  });

  it('replaces the previous photo, which becomes a tombstone; removing clears the link', async () => {
    const { result: created } = await createPerson(db, anna);
    const { result: first } = await setPersonPhoto(db, created.id, photo);
    const { result: second } = await setPersonPhoto(db, created.id, { ...photo, data: 'BBBB' });
    expect((await db.photos.get(first.id))?.deleted).toBe(1);
    expect((await db.people.get(created.id))?.photoId).toBe(second.id);

    const undo = await removePersonPhoto(db, created.id);
    expect((await db.people.get(created.id))?.photoId).toBe('');
    expect((await db.photos.get(second.id))?.deleted).toBe(1);
    await applyUndo(db, undo);
    expect((await db.people.get(created.id))?.photoId).toBe(second.id);
    expect((await db.photos.get(second.id))?.deleted).toBe(0);
  });

  it('refuses a 20 MB file before reading it, and a file that is not an image, saving nothing', async () => {
    await createPerson(db, anna);
    const before = await counts();
    const big = new Blob([new Uint8Array(20 * 1024 * 1024)], { type: 'image/jpeg' });
    let read = false;
    const watched = Object.assign(big, {
      arrayBuffer: () => {
        read = true;
        return Blob.prototype.arrayBuffer.call(big);
      },
    });
    await expect(preparePhoto(watched)).rejects.toMatchObject({ key: 'errors.photoTooLarge' });
    expect(read).toBe(false);
    const pdf = new Blob(['%PDF-1.7\n'], { type: 'image/png' });
    await expect(preparePhoto(pdf)).rejects.toMatchObject({ key: 'errors.photoNotImage' });
    expect(await counts()).toEqual(before);
  });
});
