/** The contacts of one organisation, for the item editor: people whose registry link points at it. */
import type { MissionDb } from '../../db';
import type { Person } from '../../domain/entities';

export function contactsOf(db: MissionDb, organisationId: string): Promise<Person[]> {
  if (organisationId === '') return Promise.resolve([]);
  return db.people
    .where('organisationId')
    .equals(organisationId)
    .filter((person) => person.deleted === 0)
    .sortBy('sortKey');
}
