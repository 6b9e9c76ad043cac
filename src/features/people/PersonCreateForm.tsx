/**
 * A new person: the fields needed to add someone, checked against the person schema, saved by an
 * explicit button. What saving means is the caller's: the People screen creates the person alone,
 * the delegation tab creates them together with their place in a mission.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { PersonFields } from '../../domain/entities/person';
import { CreateFormFrame, useCreateWrite } from '../common/forms/create-form';
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
  const form = useForm<PersonFormValues, unknown, PersonFields>({
    resolver: zodResolver(PersonFields),
    defaultValues: { ...EMPTY, ...initialValues },
    mode: 'onTouched',
  });
  const { failure, write } = useCreateWrite(form, onSubmit);
  return (
    <CreateFormFrame
      onSubmit={form.handleSubmit(write)}
      failure={failure}
      submitting={form.formState.isSubmitting}
      onCancel={onCancel}
      submitLabel={submitLabel}
      testId="person-create-form"
      style={READABLE_FORM_COLOURS}
    >
      <PersonFormFields control={form.control} />
    </CreateFormFrame>
  );
}
