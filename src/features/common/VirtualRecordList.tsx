import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, type ReactNode } from 'react';
import { db, queries, type MissionDb } from '../../db';
import type { StoredRecord } from '../../domain/entities';
import styles from './registry-row.module.css';

type ListedTable = 'people' | 'organisations';
const PAGE = 100;

/** A part of a registry in sort order (a filter), read through an index like the whole list. */
export interface RegistryQuery<T extends ListedTable> {
  /** Changes when the query does, so live reads restart. */
  readonly key: string;
  count(db: MissionDb): Promise<number>;
  page(db: MissionDb, offset: number, limit: number): Promise<StoredRecord<T>[]>;
}

/**
 * A sorted registry of any size: only the rows in view are rendered, and only the pages around
 * them are read from IndexedDB (through the sort index), so 50,000 rows cost what 50 do.
 */
export function VirtualRecordList<T extends ListedTable>({
  table,
  total,
  rowHeight,
  label,
  renderRow,
  query,
}: {
  table: T;
  total: number;
  rowHeight: number;
  label: string;
  renderRow: (record: StoredRecord<T>) => ReactNode;
  /** Only these rows (a filter); the whole registry when absent. Keep it memoised. */
  query?: RegistryQuery<T>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = Math.floor((items[0]?.index ?? 0) / PAGE);
  const offset = firstPage * PAGE;
  // The result carries its offset: while a newly scrolled-to page loads, the live query still
  // holds the previous page, whose rows must not be drawn at the new positions.
  const queryKey = query?.key ?? '';
  const page = useLiveQuery(
    async () => ({
      offset,
      queryKey,
      rows: await (query ? query.page(db, offset, PAGE * 2) : queries.pageOf(db, table, offset, PAGE * 2)),
    }),
    [table, offset, query, queryKey],
  );
  const rows = page?.offset === offset && page.queryKey === queryKey ? page.rows : undefined;

  return (
    <div
      ref={scrollRef}
      role="list"
      aria-label={label}
      tabIndex={0}
      style={{
        height: 'calc(100vh - 220px)',
        minHeight: 320,
        overflow: 'auto',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 6,
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const record = rows?.[item.index - offset];
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={total}
              aria-posinset={item.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: item.size,
                transform: `translateY(${item.start}px)`,
                // Its size is fixed: what happens inside a row is laid out and painted apart from the rest.
                contain: 'strict',
              }}
            >
              {record ? (
                renderRow(record)
              ) : (
                <div className={styles.placeholder} style={{ height: rowHeight - 16 }} aria-hidden />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
