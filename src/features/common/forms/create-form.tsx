/**
 * What every "new record" form shares: writing through the caller, a failure shown above the
 * buttons and field issues of an `AppError` shown at their fields, nothing reset on failure (the
 * user corrects and tries again), and the frame with Cancel and Save.
 */
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../domain/errors';
import { errorMessage } from '../errors';

/** `write(fields)` calls `onSubmit` and keeps its failure; `failure` is what to show, or null. */
export function useCreateWrite<V extends FieldValues, F>(
  form: UseFormReturn<V, unknown, F>,
  onSubmit: (fields: F) => Promise<void>,
) {
  const [failure, setFailure] = useState<unknown>(null);
  const write = async (fields: F) => {
    setFailure(null);
    try {
      await onSubmit(fields);
    } catch (error) {
      setFailure(error);
      if (error instanceof AppError) {
        for (const issue of error.issues) {
          form.setError(issue.path as Path<V>, { type: 'server', message: issue.message });
        }
      }
    }
  };
  return { failure, setFailure, write };
}

export function CreateFormFrame({
  onSubmit,
  failure,
  submitting,
  onCancel,
  submitLabel,
  testId,
  submitTestId,
  style,
  children,
}: {
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  failure: unknown;
  submitting: boolean;
  onCancel?: () => void;
  /** Defaults to "Opslaan / Save". */
  submitLabel?: string;
  testId: string;
  submitTestId?: string;
  style?: CSSProperties;
  /** The fields, and anything to show between them and the failure (a duplicate warning). */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid={testId} style={style}>
      <Stack gap="md">
        {children}
        {failure !== null && (
          <Alert color="red" role="alert" title={t('errors.title')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={submitting} data-testid={submitTestId}>
            {submitLabel ?? t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
