/**
 * A new intelligence note, checked against the note schema and saved by an explicit button (a note
 * without a title is not a note yet). Once saved, the editor that saves itself takes over.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IntelligenceNoteFields } from '../../domain/entities/intelligence-note';
import { CreateFormFrame, useCreateWrite } from '../common/forms/create-form';
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
  const { failure, write } = useCreateWrite(form, onSubmit);
  return (
    <CreateFormFrame
      onSubmit={form.handleSubmit(write)}
      failure={failure}
      submitting={form.formState.isSubmitting}
      onCancel={onCancel}
      submitLabel={t('notes.create')}
      testId="note-create-form"
      submitTestId="note-create"
    >
      <NoteFormFields control={form.control} />
    </CreateFormFrame>
  );
}
