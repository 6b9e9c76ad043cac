import { Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { StoredRecord } from '../../domain/entities';
import { EmptyState } from './EmptyState';
import { ScreenHeader } from './ScreenHeader';
import { VirtualRecordList } from './VirtualRecordList';

type RegistryTable = 'people' | 'organisations';

/**
 * A shared registry (companies, people): header with the live count, the empty state that says
 * what the registry is for, or the virtualised list.
 */
export function RegistryScreen<T extends RegistryTable>({
  table,
  texts,
  testId,
  renderRow,
}: {
  table: T;
  /** Catalog section with title, intro, emptyTitle, emptyBody, count and listLabel. */
  texts: 'companies' | 'people';
  testId: string;
  renderRow: (record: StoredRecord<T>) => ReactNode;
}) {
  const { t } = useTranslation();
  const total = useLiveQuery(() => queries.countLive(db, table), [table]);
  return (
    <Stack data-testid={`${testId}-screen`}>
      <ScreenHeader title={t(`${texts}.title`)} intro={t(`${texts}.intro`)}>
        {total !== undefined && total > 0 && <Text fw={600}>{t(`${texts}.count`, { count: total })}</Text>}
      </ScreenHeader>
      {total === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : total === 0 ? (
        <EmptyState testId={`${testId}-empty`} title={t(`${texts}.emptyTitle`)} body={t(`${texts}.emptyBody`)} />
      ) : (
        <VirtualRecordList
          table={table}
          total={total}
          rowHeight={64}
          label={t(`${texts}.listLabel`)}
          renderRow={renderRow}
        />
      )}
    </Stack>
  );
}
