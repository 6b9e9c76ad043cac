/**
 * A new intelligence note, checked against the note schema and saved by an explicit button (a note
 * without a title is not a note yet). Once saved, the editor that saves itself takes over.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IntelligenceNoteFields } from '../../domain/entities/intelligence-note';
import { AppError } from '../../domain/errors';
import { errorMessage } from '../common/errors';
import { NoteFormFields, type NoteFormValues } from './NoteFormFields';

export function NoteCreateForm({
  initialValues,
  onSubmit,
  onCancel,
}: {
  initialValues: NoteFormValues;
  /** Writes the note; an `AppError` with field issues shows them at the fields. */
  onSubmit: (fields: IntelligenceNoteFields) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<NoteFormValues, unknown, IntelligenceNoteFields>({
    resolver: zodResolver(IntelligenceNoteFields),
    defaultValues: initialValues,
    mode: 'onTouched',
  });
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.handleSubmit(async (fields) => {
    setFailure(null);
    try {
      await onSubmit(fields);
    } catch (error) {
      setFailure(error);
      if (error instanceof AppError) {
        for (const issue of error.issues) {
          form.setError(issue.path as Path<NoteFormValues>, { type: 'server', message: issue.message });
        }
      }
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="note-create-form">
      <Stack gap="md">
        <NoteFormFields control={form.control} />
        {failure !== null && (
          <Alert color="red" role="alert" title={t('errors.title')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="note-create">
            {t('notes.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
