import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../errors';
import type { SaveState } from './use-autosave-form';

/** The visible saved state of an autosaving form, announced politely to screen readers. */
export function SaveStatus({ state, error }: { state: SaveState; error?: unknown }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-status" data-state={state} mih={24}>
      {state === 'saving' && (
        <>
          <Loader size={14} />
          <Text size="sm">{t('form.saving')}</Text>
        </>
      )}
      {state === 'saved' && (
        <>
          <IconCheck size={16} aria-hidden />
          <Text size="sm">{t('form.saved')}</Text>
        </>
      )}
      {state === 'invalid' && (
        <>
          <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-8)" />
          <Text size="sm" c="red.8">
            {t('form.unsaved')}
          </Text>
        </>
      )}
      {state === 'failed' && (
        <>
          <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-8)" />
          <Text size="sm" c="red.8">
            {t('form.saveFailed')}: {errorMessage(t, error)}
          </Text>
        </>
      )}
    </Group>
  );
}
