/**
 * The agenda as stored, including this screen's own writes before the mission snapshot has been
 * read again: a write returns the record exactly as stored, and showing it at once keeps an edit
 * or a move from waiting for a reload of the whole dossier. Each such record gives way as soon as
 * the snapshot holds it (or something newer: sync, undo), by its clock stamp.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AgendaItem } from '../../domain/entities';

type Written = ReadonlyMap<string, AgendaItem | null>;

/** Whether the snapshot already shows what was written (stamps compare in causal order). */
function caughtUp(stored: ReadonlyMap<string, AgendaItem>, id: string, written: AgendaItem | null): boolean {
  const current = stored.get(id);
  return written === null ? current === undefined : current !== undefined && current.hlc >= written.hlc;
}

export function mergeWritten(stored: readonly AgendaItem[], written: Written): AgendaItem[] {
  const byId = new Map(stored.map((item) => [item.id, item]));
  const pending = [...written].filter(([id, record]) => !caughtUp(byId, id, record));
  if (pending.length === 0) return stored as AgendaItem[];
  for (const [id, record] of pending) {
    if (record === null) byId.delete(id);
    else byId.set(id, record);
  }
  return [...byId.values()];
}

export function useFreshAgenda(stored: readonly AgendaItem[]) {
  const [written, setWritten] = useState<Written>(new Map());
  const items = useMemo(
    () => (written.size === 0 ? (stored as AgendaItem[]) : mergeWritten(stored, written)),
    [stored, written],
  );
  // Once the snapshot shows every write, forget them.
  useEffect(() => {
    if (written.size > 0 && items === stored) setWritten(new Map());
  }, [items, stored, written]);
  const remember = useCallback((records: readonly AgendaItem[], deleted: readonly string[] = []) => {
    setWritten((previous) => {
      const next = new Map(previous);
      for (const record of records) next.set(record.id, record);
      for (const id of deleted) next.set(id, null);
      return next;
    });
  }, []);
  return { items, remember };
}
