/**
 * The preview of an import, one line per row of the file: new, a likely duplicate (skip it, or
 * merge it choosing per differing field), or rejected with the row number and why. A file can
 * have 200,000 rows: only the rows in view are rendered (virtualised like the registry lists,
 * with spacer rows above and below so the table stays one table), each measured once drawn,
 * since a duplicate with its field choices is taller than a new row.
 */
import { Badge, Box, Checkbox, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateDecision } from '../../db/knowledge-writes';
import type { CsvTable } from '../../domain/csv/columns';
import type { DuplicateRow, ImportPreview, PreviewRow } from '../../domain/csv/preview';
import { usePreferences } from '../../stores/preferences';
import { fieldLabel, shownValue, type Decisions } from './csv-import-state';

function rowName(row: Exclude<PreviewRow<CsvTable>, { fate: 'rejected' }>): string {
  const fields = row.fields as Record<string, unknown>;
  return 'name' in fields
    ? String(fields.name)
    : `${String(fields.givenName ?? '')} ${String(fields.familyName ?? '')}`;
}

function DuplicateChoice({
  table,
  row,
  decision,
  onChange,
}: {
  table: CsvTable;
  row: DuplicateRow<CsvTable>;
  decision: DuplicateDecision;
  onChange: (decision: DuplicateDecision) => void;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return (
    <Stack gap={4}>
      <Text size="sm">{t(`companies.matchedBy.${row.matchedBy}`)}</Text>
      <SegmentedControl
        size="xs"
        aria-label={t('companies.import.duplicateChoice', { row: String(row.row) })}
        value={decision.merge ? 'merge' : 'skip'}
        onChange={(value) => onChange({ ...decision, merge: value === 'merge' })}
        data={[
          { value: 'merge', label: t('companies.import.merge') },
          { value: 'skip', label: t('companies.import.skip') },
        ]}
        data-testid="csv-duplicate-choice"
      />
      {decision.merge &&
        row.differences.map((difference) => (
          <Checkbox
            key={difference.field}
            size="xs"
            checked={decision.fields[difference.field] ?? difference.take}
            onChange={(event) => {
              const take = event.currentTarget.checked;
              onChange({ ...decision, fields: { ...decision.fields, [difference.field]: take } });
            }}
            label={t('companies.import.takeField', {
              field: fieldLabel(table, difference.field, language),
              current: shownValue(difference.current),
              incoming: shownValue(difference.incoming),
            })}
          />
        ))}
    </Stack>
  );
}

const DEFAULT_DECISION: DuplicateDecision = { merge: true, fields: {} };

/** A new or rejected row as drawn; duplicates are measured. */
const ESTIMATED_ROW_HEIGHT = 37;

function PreviewRowCells({
  table,
  row,
  decisions,
  onDecisionsChange,
}: {
  table: CsvTable;
  row: PreviewRow<CsvTable>;
  decisions: Decisions;
  onDecisionsChange: (decisions: Map<number, DuplicateDecision>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td>
        <Badge
          variant="outline"
          // Light greens and oranges fall below AA contrast on the striped rows; the word says the fate.
          color={row.fate === 'rejected' ? 'red.9' : 'gray.8'}
        >
          {t(`companies.import.fates.${row.fate}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {row.fate === 'rejected' ? (
          <Text size="sm">{t(row.reason, { row: String(row.row), column: row.column, value: row.value })}</Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {rowName(row)}
            </Text>
            {row.fate === 'duplicate' && (
              <DuplicateChoice
                table={table}
                row={row}
                decision={decisions.get(row.row) ?? DEFAULT_DECISION}
                onChange={(decision) => onDecisionsChange(new Map(decisions).set(row.row, decision))}
              />
            )}
          </Stack>
        )}
      </Table.Td>
    </>
  );
}

export function CsvPreviewTable({
  preview,
  decisions,
  onDecisionsChange,
}: {
  preview: ImportPreview<CsvTable>;
  decisions: Decisions;
  onDecisionsChange: (decisions: Map<number, DuplicateDecision>) => void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = preview.rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.row ?? index,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <Box ref={scrollRef} mah="55vh" style={{ overflow: 'auto' }} data-testid="csv-preview-scroll">
      <Table
        stickyHeader
        data-testid="csv-preview"
        aria-label={t('companies.import.previewLabel')}
        // Only the rows in view are in the document: the count and positions say where they are.
        aria-rowcount={rows.length + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col">{t('companies.import.row')}</Table.Th>
            <Table.Th scope="col">{t('companies.import.fate')}</Table.Th>
            <Table.Th scope="col">{t('companies.import.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 && (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={3} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <Table.Tr
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                data-fate={row.fate}
                data-testid="csv-preview-row"
                // Striped by the row's own position, not by its place among the rows drawn.
                bg={item.index % 2 === 0 ? 'var(--table-striped-color)' : undefined}
              >
                <PreviewRowCells
                  table={preview.table}
                  row={row}
                  decisions={decisions}
                  onDecisionsChange={onDecisionsChange}
                />
              </Table.Tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={3} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
