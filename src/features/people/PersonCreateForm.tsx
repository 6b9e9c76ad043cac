/**
 * A new person: the fields needed to add someone, checked against the person schema, saved by an
 * explicit button. What saving means is the caller's: the People screen creates the person alone,
 * the delegation tab creates them together with their place in a mission.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { PersonFields } from '../../domain/entities/person';
import { AppError } from '../../domain/errors';
import { errorMessage } from '../common/errors';
import { PersonFormFields, READABLE_FORM_COLOURS, type PersonFormValues } from './PersonFormFields';

export interface PersonCreateFormProps {
  /**
   * Writes the new person (in a unit of the caller's choice). An `AppError` with field issues
   * shows them at the fields; any other failure shows above the buttons. Nothing is reset on
   * failure, so the user can correct and try again.
   */
  readonly onSubmit: (fields: PersonFields) => Promise<void>;
  readonly onCancel?: () => void;
  /** Defaults to "Opslaan / Save". */
  readonly submitLabel?: string;
  readonly initialValues?: Partial<PersonFormValues>;
}

const EMPTY: PersonFormValues = { givenName: '', familyName: '', kind: 'official' };

export function PersonCreateForm({ onSubmit, onCancel, submitLabel, initialValues }: PersonCreateFormProps) {
  const { t } = useTranslation();
  const form = useForm<PersonFormValues, unknown, PersonFields>({
    resolver: zodResolver(PersonFields),
    defaultValues: { ...EMPTY, ...initialValues },
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
          form.setError(issue.path as Path<PersonFormValues>, { type: 'server', message: issue.message });
        }
      }
    }
  });

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="person-create-form"
      style={READABLE_FORM_COLOURS}
    >
      <Stack gap="md">
        <PersonFormFields control={form.control} />
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
          <Button type="submit" loading={form.formState.isSubmitting}>
            {submitLabel ?? t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
