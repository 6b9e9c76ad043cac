/** The agenda's conflicts in words: who, which items, and by how much; and which items each one concerns. */
import type { TFunction } from 'i18next';
import type { AgendaConflict } from '../../domain/agenda-conflicts';

/** Dark orange: 8:1 on white, where Mantine's orange is too light for text (3.6:1). */
export const WARNING_COLOR = '#8f3b00';

export interface ConflictNames {
  /** The person's display name ('?' style fallbacks are the caller's choice). */
  person(id: string): string;
  /** "“Title” (Tue 16 March, 10:00–11:00)": enough to find the item. */
  item(id: string): string;
}

export function conflictItemIds(conflict: AgendaConflict): readonly string[] {
  return conflict.kind === 'outside_mission' ? [conflict.itemId] : conflict.itemIds;
}

/** Per item id, the conflicts it takes part in, in the order detectConflicts reported them. */
export function conflictsByItem(conflicts: readonly AgendaConflict[]): Map<string, AgendaConflict[]> {
  const byItem = new Map<string, AgendaConflict[]>();
  for (const conflict of conflicts) {
    for (const id of new Set(conflictItemIds(conflict))) {
      const list = byItem.get(id);
      if (list) list.push(conflict);
      else byItem.set(id, [conflict]);
    }
  }
  return byItem;
}

/** The full sentence, for the list at the top of the agenda. */
export function conflictMessage(
  t: TFunction,
  conflict: AgendaConflict,
  names: ConflictNames,
  /** The mission's first and last day, written out; asked for only when the sentence names them. */
  mission: () => { readonly start: string; readonly end: string },
): string {
  switch (conflict.kind) {
    case 'double_booking':
      return t('agenda.conflict.doubleBooking', {
        person: names.person(conflict.personId),
        first: names.item(conflict.itemIds[0]),
        second: names.item(conflict.itemIds[1]),
      });
    case 'outside_mission':
      return t(conflict.side === 'before' ? 'agenda.conflict.beforeMission' : 'agenda.conflict.afterMission', {
        item: names.item(conflict.itemId),
        ...mission(),
      });
    case 'travel_time':
      return t('agenda.conflict.travelTime', {
        person: names.person(conflict.personId),
        first: names.item(conflict.itemIds[0]),
        second: names.item(conflict.itemIds[1]),
        gap: String(conflict.gapMinutes),
        buffer: String(conflict.bufferMinutes),
      });
  }
}

/** The short form shown on an item itself: what is wrong, seen from that item. */
export function conflictBadge(
  t: TFunction,
  conflict: AgendaConflict,
  itemId: string,
  names: Pick<ConflictNames, 'person'> & { title(id: string): string },
): string {
  switch (conflict.kind) {
    case 'double_booking': {
      const other = conflict.itemIds[0] === itemId ? conflict.itemIds[1] : conflict.itemIds[0];
      return t('agenda.conflict.badgeDouble', { person: names.person(conflict.personId), other: names.title(other) });
    }
    case 'outside_mission':
      return t('agenda.conflict.badgeOutside');
    case 'travel_time': {
      const other = conflict.itemIds[0] === itemId ? conflict.itemIds[1] : conflict.itemIds[0];
      return t('agenda.conflict.badgeTravel', {
        person: names.person(conflict.personId),
        other: names.title(other),
        gap: String(conflict.gapMinutes),
        buffer: String(conflict.bufferMinutes),
      });
    }
  }
}
