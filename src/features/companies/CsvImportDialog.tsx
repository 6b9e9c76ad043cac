/**
 * The CSV import of organisations or contacts: pick a file, map the columns that were not
 * recognised, a preview (with progress and Cancel) of what happens to every row, and Confirm,
 * which writes everything in one unit. Cancel at any step writes nothing.
 */
import { Alert, Button, Group, Modal, Progress, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { writeCsvImport, type DuplicateDecision } from '../../db/knowledge-writes';
import { CSV_COLUMNS, type CsvTable } from '../../domain/csv/columns';
import { inspectCsv, type CsvInspection } from '../../domain/csv/preview';
import { getHost } from '../../platform';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { errorMessage, notify } from '../common/errors';
import { fieldLabel, runPreview, type ImportStep } from './csv-import-state';
import { CsvPreviewTable } from './CsvPreviewTable';

export function CsvImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const [table, setTable] = useState<CsvTable>('organisations');
  const [step, setStep] = useState<ImportStep>({ step: 'pick' });
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [decisions, setDecisions] = useState<Map<number, DuplicateDecision>>(new Map());
  const [failure, setFailure] = useState<unknown>(null);
  const [writing, setWriting] = useState(false);
  const abort = useRef<AbortController | null>(null);

  // Closing the dialog stops a preview still running and forgets the file.
  useEffect(() => {
    if (opened) return;
    abort.current?.abort();
    setStep({ step: 'pick' });
    setFailure(null);
    setDecisions(new Map());
  }, [opened]);

  const preview = (fileName: string, inspection: CsvInspection, chosen: readonly (string | null)[]) => {
    const controller = new AbortController();
    abort.current = controller;
    setFailure(null);
    setStep({ step: 'previewing', fileName, progress: { rows: 0, fraction: 0 } });
    runPreview(
      inspection,
      table,
      chosen,
      (progress) => setStep({ step: 'previewing', fileName, progress }),
      controller.signal,
    ).then(
      (result) => {
        if (controller.signal.aborted) return;
        setDecisions(new Map());
        setStep({ step: 'preview', fileName, preview: result });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setFailure(error);
        setStep(inspection.unmapped.length > 0 ? { step: 'mapping', fileName, inspection } : { step: 'pick' });
      },
    );
  };

  const pick = async () => {
    setFailure(null);
    try {
      const opened = await getHost().openFile([{ name: 'CSV', extensions: ['csv', 'txt'] }]);
      if (opened.status !== 'opened') return;
      const inspection = inspectCsv(opened.data, table);
      setMapping([...inspection.mapping]);
      if (inspection.unmapped.length > 0) setStep({ step: 'mapping', fileName: opened.name, inspection });
      else preview(opened.name, inspection, inspection.mapping);
    } catch (error) {
      setFailure(error);
    }
  };

  const cancelPreview = () => {
    abort.current?.abort();
    setStep({ step: 'pick' });
  };

  const confirm = async () => {
    if (step.step !== 'preview') return;
    setWriting(true);
    setFailure(null);
    try {
      const { result, undo } = await writeCsvImport(db, step.preview, decisions);
      const message = t('companies.import.done', { created: String(result.created), merged: String(result.merged) });
      useUndo.getState().record({ label: message, steps: undo });
      notify(t, { color: 'green', message });
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setWriting(false);
    }
  };

  const fieldOptions = CSV_COLUMNS[table].map((column) => ({
    value: column.field,
    label: fieldLabel(table, column.field, language),
  }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('companies.import.title')}
      size={step.step === 'preview' ? 'xl' : 'lg'}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack gap="md" data-testid="csv-import-dialog">
        {step.step === 'pick' && (
          <>
            <SegmentedControl
              aria-label={t('companies.import.what')}
              value={table}
              onChange={(value) => setTable(value === 'people' ? 'people' : 'organisations')}
              data={[
                { value: 'organisations', label: t('companies.import.organisations') },
                { value: 'people', label: t('companies.import.people') },
              ]}
            />
            <Text size="sm">{t('companies.import.help')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => void pick()}
                data-testid="csv-pick"
              >
                {t('companies.import.pick')}
              </Button>
            </Group>
          </>
        )}
        {step.step === 'mapping' && (
          <>
            <Text size="sm">{t('companies.import.mappingHelp', { file: step.fileName })}</Text>
            {step.inspection.unmapped.map((column) => (
              <Select
                key={column}
                label={t('companies.import.columnLabel', { header: step.inspection.headers[column] ?? '' })}
                data={fieldOptions}
                value={mapping[column] ?? null}
                onChange={(field) =>
                  setMapping((current) => current.map((value, index) => (index === column ? field : value)))
                }
                placeholder={t('companies.import.ignoreColumn')}
                clearable
                comboboxProps={{ withinPortal: true }}
                data-testid="csv-mapping"
              />
            ))}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('form.cancel')}
              </Button>
              <Button onClick={() => preview(step.fileName, step.inspection, mapping)} data-testid="csv-mapping-next">
                {t('companies.import.showPreview')}
              </Button>
            </Group>
          </>
        )}
        {step.step === 'previewing' && (
          <>
            <Text role="status">{t('companies.import.reading', { rows: String(step.progress.rows) })}</Text>
            <Progress value={step.progress.fraction * 100} aria-label={t('companies.import.progress')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={cancelPreview} data-testid="csv-cancel-preview">
                {t('form.cancel')}
              </Button>
            </Group>
          </>
        )}
        {step.step === 'preview' && (
          <>
            <Text role="status" data-testid="csv-counts">
              {t('companies.import.counts', {
                file: step.fileName,
                new: String(step.preview.counts.new),
                duplicate: String(step.preview.counts.duplicate),
                rejected: String(step.preview.counts.rejected),
              })}
            </Text>
            <CsvPreviewTable preview={step.preview} decisions={decisions} onDecisionsChange={setDecisions} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose} data-testid="csv-cancel">
                {t('form.cancel')}
              </Button>
              <Button onClick={() => void confirm()} loading={writing} data-testid="csv-confirm">
                {t('companies.import.confirm')}
              </Button>
            </Group>
          </>
        )}
        {failure !== null && (
          <Alert color="red" role="alert" title={t('errors.title')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
