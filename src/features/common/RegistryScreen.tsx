import { Box, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { StoredRecord } from '../../domain/entities';
import { EmptyState } from './EmptyState';
import { ScreenHeader } from './ScreenHeader';
import { VirtualRecordList, type RegistryQuery } from './VirtualRecordList';

type RegistryTable = 'people' | 'organisations';

/**
 * A shared registry (companies, people): header with the live count, the empty state that says
 * what the registry is for, or the virtualised list (all of it, or the part a filter selects).
 */
export function RegistryScreen<T extends RegistryTable>({
  table,
  texts,
  testId,
  renderRow,
  actions,
  toolbar,
  query,
  noMatches,
  aside,
  children,
}: {
  table: T;
  /** Catalog section with title, intro, emptyTitle, emptyBody, count and listLabel. */
  texts: 'companies' | 'people';
  testId: string;
  renderRow: (record: StoredRecord<T>) => ReactNode;
  /** Buttons beside the count (a "new" button), shown on the empty screen too. */
  actions?: ReactNode;
  /** Above the list when the registry has rows (a filter field). */
  toolbar?: ReactNode;
  /** Only these rows (a filter), memoised; the whole registry when absent. */
  query?: RegistryQuery<T>;
  /** Said when the query selects nothing from a registry that has rows. */
  noMatches?: string;
  /** Beside the list: the panel of the selected record. */
  aside?: ReactNode;
  /** Dialogs of the screen. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const total = useLiveQuery(() => queries.countLive(db, table), [table]);
  const matching = useLiveQuery(async () => (query ? query.count(db) : null), [query]);
  // While a changed filter counts, the previous count stands (its rows show as placeholders), so
  // typing does not make the list flash away.
  const shown = query ? matching : total;
  return (
    <Stack data-testid={`${testId}-screen`}>
      <ScreenHeader title={t(`${texts}.title`)} intro={t(`${texts}.intro`)}>
        {(actions || (total !== undefined && total > 0)) && (
          <Group justify="space-between" align="center" mt="xs">
            {total !== undefined && total > 0 ? (
              <Text fw={600}>{t(`${texts}.count`, { count: total })}</Text>
            ) : (
              <span />
            )}
            {actions}
          </Group>
        )}
      </ScreenHeader>
      {total === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : total === 0 ? (
        <EmptyState testId={`${testId}-empty`} title={t(`${texts}.emptyTitle`)} body={t(`${texts}.emptyBody`)} />
      ) : (
        <>
          {toolbar}
          <Group align="flex-start" wrap="nowrap" gap="md">
            <Box style={{ flex: 1, minWidth: 0 }}>
              {shown === 0 && noMatches ? (
                <Text role="status" data-testid={`${testId}-no-matches`}>
                  {noMatches}
                </Text>
              ) : shown === null || shown === undefined ? (
                <Text role="status">{t('app.loading')}</Text>
              ) : (
                <VirtualRecordList
                  key={query?.key ?? ''}
                  table={table}
                  total={shown}
                  rowHeight={64}
                  label={t(`${texts}.listLabel`)}
                  renderRow={renderRow}
                  query={query}
                />
              )}
            </Box>
            {aside}
          </Group>
        </>
      )}
      {children}
    </Stack>
  );
}
