import { useLiveQuery } from 'dexie-react-hooks';
import { db, queries } from '../../db';
import { displayName } from '../../domain/entities/person';

/** Every person of the registry as a select choice, in registry order; undefined while loading. */
export function usePeopleChoices() {
  return useLiveQuery(
    async () =>
      (await queries.pageOf(db, 'people', 0, 5000)).map((person) => ({
        value: person.id,
        label: [displayName(person), person.organisationName].filter(Boolean).join(' · '),
      })),
    [],
  );
}
