/**
 * The preview of an import, one line per row of the file: new, a likely duplicate (skip it, or
 * merge it choosing per differing field), or rejected with the row number and why.
 */
import { Badge, Checkbox, ScrollArea, SegmentedControl, Stack, Table, Text } from '@mantine/core';
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
  return (
    <ScrollArea.Autosize mah="55vh" type="auto" offsetScrollbars>
      <Table striped stickyHeader data-testid="csv-preview" aria-label={t('companies.import.previewLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('companies.import.row')}</Table.Th>
            <Table.Th scope="col">{t('companies.import.fate')}</Table.Th>
            <Table.Th scope="col">{t('companies.import.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row) => (
            <Table.Tr key={row.row} data-fate={row.fate} data-testid="csv-preview-row">
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
                        table={preview.table}
                        row={row}
                        decision={decisions.get(row.row) ?? DEFAULT_DECISION}
                        onChange={(decision) => onDecisionsChange(new Map(decisions).set(row.row, decision))}
                      />
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
