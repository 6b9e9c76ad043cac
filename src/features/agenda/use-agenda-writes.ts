/**
 * The agenda's writes through the db door, each one undoable: create, edit, move (one item, or two
 * that trade places, in one unit), and delete with a notification that offers undo.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { db, repositories, runUnit } from '../../db';
import type { AgendaItem, InputOf } from '../../domain/entities';
import { useUndo } from '../../stores/undo';
import { notifyUndoable } from '../common/notify-undoable';
import type { Move } from './agenda-moves';

export type AgendaWrites = ReturnType<typeof useAgendaWrites>;

/**
 * `written` hears of every record as stored by a write (and of deleted ids), so the screen can
 * show it before the mission's snapshot has been read again.
 */
export function useAgendaWrites(written: (records: readonly AgendaItem[], deleted?: readonly string[]) => void) {
  const { t } = useTranslation();

  const create = useCallback(
    async (fields: InputOf<'agenda'>) => {
      const { result, undo } = await repositories.agenda.createUndoable(fields);
      written([result]);
      useUndo.getState().record({ label: t('agenda.undo.created', { title: result.title }), steps: undo });
      return result;
    },
    [t, written],
  );

  const update = useCallback(
    async (item: AgendaItem, patch: Partial<InputOf<'agenda'>>) => {
      const { result, undo } = await repositories.agenda.updateUndoable(item.id, patch);
      written([result]);
      useUndo.getState().record({ label: t('agenda.undo.edited', { title: result.title }), steps: undo });
      return result;
    },
    [t, written],
  );

  /** Every move of one gesture lands together, and one undo puts all of them back. */
  const move = useCallback(
    async (title: string, moves: readonly Move[]) => {
      const { result, undo } = await runUnit(db, ['agenda'], async (unit) => {
        const stored: AgendaItem[] = [];
        for (const { id, start, end } of moves) stored.push(await unit.update('agenda', id, { start, end }));
        return stored;
      });
      written(result);
      useUndo.getState().record({ label: t('agenda.undo.moved', { title }), steps: undo });
    },
    [t, written],
  );

  /** A tombstone; the notification offers undo of exactly this delete. */
  const remove = useCallback(
    async (item: AgendaItem) => {
      const steps = await repositories.agenda.remove(item.id);
      written([], [item.id]);
      useUndo.getState().record({ label: t('agenda.undo.deleted', { title: item.title }), steps });
      notifyUndoable(t, t('form.deleted', { name: item.title }));
    },
    [t, written],
  );

  return useMemo(() => ({ create, update, move, remove }), [create, update, move, remove]);
}
