/**
 * The made book before it is saved: its facts and contents with page numbers, and the pages
 * themselves in the platform's PDF viewer where there is one (a blob: frame; see docs/security.md).
 */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookResult } from '../../book/book-job';

/** Chromium and Firefox say whether they show PDFs inline; Electron without plugins does not. */
const canShowPdf = () => typeof navigator !== 'undefined' && navigator.pdfViewerEnabled === true;

function useBlobUrl(bytes: Uint8Array<ArrayBuffer>, enabled: boolean): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!enabled) return undefined;
    const made = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [bytes, enabled]);
  return url;
}

export function BookPreview({
  result,
  version,
  saving,
  onSave,
}: {
  result: BookResult;
  version: number;
  saving: boolean;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const viewer = canShowPdf();
  const url = useBlobUrl(result.bytes, viewer);
  return (
    <Stack gap="md" data-testid="book-preview">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            {t('book.preview')}
          </Title>
          <Text c="gray.8" data-testid="book-facts">
            {t('book.facts', {
              version: String(version),
              pages: String(result.pageCount),
              size: String(Math.round(result.bytes.byteLength / 1024)),
            })}
          </Text>
        </div>
        <Button leftSection={<IconDeviceFloppy size={18} />} onClick={onSave} loading={saving}>
          {t('book.save')}
        </Button>
      </Group>
      {!viewer && <Text>{t('book.noViewer')}</Text>}
      <Paper withBorder p="md" maw={560}>
        <Title order={4} size="h5" mb="xs">
          {t('book.contents')}
        </Title>
        <ol aria-label={t('book.contents')} style={{ margin: 0, paddingLeft: '1.2rem' }}>
          {result.contents.map((entry) => (
            <li key={entry.section}>
              <Group justify="space-between" wrap="nowrap">
                <Text span>{entry.title}</Text>
                <Text span c="gray.8">
                  {t('book.page', { page: String(entry.page) })}
                </Text>
              </Group>
            </li>
          ))}
        </ol>
      </Paper>
      {url && (
        <iframe
          title={t('book.previewFrame')}
          src={url}
          data-testid="book-frame"
          style={{ width: '100%', height: '75vh', border: '1px solid var(--mantine-color-gray-4)' }}
        />
      )}
    </Stack>
  );
}
