/** What every stored record carries besides its own fields: identity, times, sync stamps, tombstone. */
import { z } from 'zod';
import { ID_PATTERN } from '../ids';

export const Id = z.string().regex(ID_PATTERN, 'not a record id');
export const IsoInstant = z.iso.datetime({ offset: false });
export const IsoDate = z.iso.date();

export const RecordMeta = z.object({
  id: Id,
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /** Tombstone: 1 when deleted. A number, because IndexedDB cannot index booleans. */
  deleted: z.union([z.literal(0), z.literal(1)]),
  /** Per field, the hybrid-logical-clock stamp of its last change; sync merges field by field. */
  stamps: z.record(z.string(), z.string()),
  /** The newest of the stamps. */
  hlc: z.string(),
});
export type RecordMeta = z.infer<typeof RecordMeta>;

export const META_KEYS = ['id', 'createdAt', 'updatedAt', 'deleted', 'stamps', 'hlc'] as const;

const NOT_USER_FIELDS = new Set<string>([...META_KEYS, 'sortKey']);

/** The user fields of a stored record: its meta and the derived sort key left out. */
export function userFieldsOf(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !NOT_USER_FIELDS.has(key)));
}

/** A reference that may be empty: '' when nothing is linked. */
export const OptionalId = z.union([z.literal(''), Id]).default('');
