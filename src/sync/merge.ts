/**
 * The merge rule, pure: per field, last writer wins by HLC stamp (strings compare in causal order
 * with the device id as tie-break); the tombstone `deleted` is a field like any other. A value
 * replaced or refused although its writer had not seen the winner is reported as a conflict.
 * docs/sync.md, "The merge rule", is the specification.
 */
import type {
  Conflict,
  FieldState,
  IncomingRecord,
  KnowledgeVector,
  MergeContext,
  MergeOutcome,
} from '../db/apply-remote';
import { sameValue } from '../db/writer';

/** The device a stamp was made on: its last 16 hex digits. */
export function stampDevice(stamp: string): string {
  return stamp.slice(-16);
}

/** Did `writer` know of `stamp` (from the knowledge it had, as far as this device can tell)? */
function knows(writer: string, stamp: string, context: MergeContext): boolean {
  const origin = stampDevice(stamp);
  if (writer === origin) return true;
  let vector: KnowledgeVector | undefined;
  if (writer === context.me) vector = context.mine;
  else if (writer === context.sender) vector = context.senderSeen;
  else vector = context.vectors[writer];
  return (vector?.[origin] ?? '') >= stamp;
}

export function mergeRecord(
  local: FieldState | undefined,
  incoming: IncomingRecord,
  context: MergeContext,
): MergeOutcome {
  const fields: Record<string, unknown> = { ...(local?.fields ?? {}) };
  const stamps: Record<string, string> = { ...(local?.stamps ?? {}) };
  const changed: Record<string, unknown> = {};
  const conflicts: Conflict[] = [];
  const base = { table: incoming.table, rowId: incoming.id };

  for (const [field, value] of Object.entries(incoming.fields)) {
    const theirs = incoming.stamps[field];
    if (theirs === undefined) continue;
    const ours = local?.stamps[field];
    const ourValue = local?.fields[field];
    if (ours === undefined || theirs > ours) {
      if (ours !== undefined && !sameValue(ourValue, value) && !knows(stampDevice(theirs), ours, context)) {
        conflicts.push({
          ...base,
          field,
          kind: 'edit',
          local: { value: ourValue, stamp: ours },
          remote: { value, stamp: theirs },
          kept: 'remote',
        });
      }
      fields[field] = value;
      stamps[field] = theirs;
      changed[field] = value;
    } else if (theirs < ours && !sameValue(ourValue, value) && !knows(stampDevice(ours), theirs, context)) {
      conflicts.push({
        ...base,
        field,
        kind: 'edit',
        local: { value: ourValue, stamp: ours },
        remote: { value, stamp: theirs },
        kept: 'local',
      });
    }
  }

  if (local) conflicts.push(...deleteAgainstEdit(local, incoming, { fields, stamps }, context));
  return { fields, stamps, changed, conflicts };
}

/**
 * The delete stands and the concurrent edit stays in the (deleted) record's fields; the pair is
 * listed once per record so the user can restore it.
 */
function deleteAgainstEdit(
  local: FieldState,
  incoming: IncomingRecord,
  merged: FieldState,
  context: MergeContext,
): Conflict[] {
  if (merged.fields.deleted !== 1) return [];
  const deletedStamp = merged.stamps.deleted;
  if (deletedStamp === undefined) return [];
  const deleter = stampDevice(deletedStamp);
  const base = { table: incoming.table, rowId: incoming.id, field: 'deleted', kind: 'deleteEdit' as const };
  if (incoming.stamps.deleted === deletedStamp && local.fields.deleted !== 1) {
    // Deleted there: were there edits here that the deleter had not seen?
    let unseen = '';
    for (const [field, stamp] of Object.entries(local.stamps)) {
      if (field === 'deleted' || stamp < (incoming.stamps[field] ?? '')) continue;
      if (!knows(deleter, stamp, context) && stamp > unseen) unseen = stamp;
    }
    return unseen === ''
      ? []
      : [{ ...base, local: { value: 0, stamp: unseen }, remote: { value: 1, stamp: deletedStamp }, kept: 'remote' }];
  }
  if (local.stamps.deleted === deletedStamp) {
    // Deleted here: did an edit arrive from a writer that had not seen the delete?
    let unseen = '';
    for (const [field, stamp] of Object.entries(incoming.stamps)) {
      if (field === 'deleted' || merged.stamps[field] !== stamp || local.stamps[field] === stamp) continue;
      if (!knows(stampDevice(stamp), deletedStamp, context) && stamp > unseen) unseen = stamp;
    }
    return unseen === ''
      ? []
      : [{ ...base, local: { value: 1, stamp: deletedStamp }, remote: { value: 0, stamp: unseen }, kept: 'local' }];
  }
  return [];
}
