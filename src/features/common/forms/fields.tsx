/**
 * Form fields bound to a react-hook-form control: Mantine inputs with labels, the stored value's
 * shape (strings, numbers, string lists) and messages in the user's language.
 */
import { Group, MultiSelect, NumberInput, Select, Switch, Textarea, TextInput, type ComboboxItem } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { formatTimeIn, localDateIn, zonedTimeToInstant } from '../../../domain/time';
import { fieldErrorText } from './field-error';

interface FieldProps<T extends FieldValues> {
  readonly control: Control<T>;
  readonly name: Path<T>;
  readonly label: string;
  readonly description?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
}

export function TextField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  disabled,
  type = 'text',
  placeholder,
}: FieldProps<T> & { type?: 'text' | 'email' | 'url' | 'tel' | 'date' | 'datetime-local'; placeholder?: string }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <TextInput
      label={label}
      description={description}
      withAsterisk={required}
      disabled={disabled}
      type={type}
      placeholder={placeholder}
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
    />
  );
}

export function TextAreaField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  disabled,
  minRows = 3,
}: FieldProps<T> & { minRows?: number }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <Textarea
      label={label}
      description={description}
      withAsterisk={required}
      disabled={disabled}
      autosize
      minRows={minRows}
      maxRows={16}
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
    />
  );
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  disabled,
  data,
  clearable,
  searchable,
}: FieldProps<T> & { data: ComboboxItem[]; clearable?: boolean; searchable?: boolean }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const value = (field.value as string | number | undefined) ?? '';
  return (
    <Select
      label={label}
      description={description}
      withAsterisk={required}
      disabled={disabled}
      data={data}
      clearable={clearable}
      searchable={searchable}
      placeholder={t('form.choose')}
      value={value === '' ? null : String(value)}
      onChange={(next) => {
        const numeric = typeof value === 'number';
        field.onChange(next === null ? '' : numeric ? Number(next) : next);
      }}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function MultiSelectField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  disabled,
  data,
  searchable,
}: FieldProps<T> & { data: ComboboxItem[]; searchable?: boolean }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <MultiSelect
      label={label}
      description={description}
      withAsterisk={required}
      disabled={disabled}
      data={data}
      searchable={searchable}
      value={(field.value as string[] | undefined) ?? []}
      onChange={field.onChange}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A list of free-text values (cities, partners, languages), typed comma-separated. */
export function ListField<T extends FieldValues>({ control, name, label, description, required }: FieldProps<T>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const list = (field.value as string[] | undefined) ?? [];
  return (
    <TextInput
      label={label}
      description={description}
      withAsterisk={required}
      defaultValue={list.join(', ')}
      key={list.join('\u0000')}
      onChange={(event) =>
        field.onChange(
          event.currentTarget.value
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean),
        )
      }
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
    />
  );
}

/** A whole number, or an amount in euro stored as cents; empty means unknown (null). */
export function NumberField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  disabled,
  cents,
  min = 0,
}: FieldProps<T> & { cents?: boolean; min?: number }) {
  const { t, i18n } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const stored = field.value as number | null | undefined;
  const shown = stored === null || stored === undefined ? '' : cents ? stored / 100 : stored;
  const dutch = i18n.language === 'nl';
  return (
    <NumberInput
      label={label}
      description={description}
      withAsterisk={required}
      disabled={disabled}
      min={min}
      decimalScale={cents ? 2 : 0}
      fixedDecimalScale={cents}
      thousandSeparator={dutch ? '.' : ','}
      decimalSeparator={dutch ? ',' : '.'}
      prefix={cents ? '€ ' : undefined}
      value={shown}
      onChange={(next) => {
        if (next === '' || next === null) field.onChange(cents || stored === null ? null : '');
        else field.onChange(cents ? Math.round(Number(next) * 100) : Number(next));
      }}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
    />
  );
}

export function SwitchField<T extends FieldValues>({ control, name, label, description, disabled }: FieldProps<T>) {
  const { field } = useController({ control, name });
  return (
    <Switch
      label={label}
      description={description}
      disabled={disabled}
      checked={Boolean(field.value)}
      onChange={(event) => field.onChange(event.currentTarget.checked)}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
    />
  );
}

/**
 * An instant entered as a local date and time on the clocks of a zone (another field of the form,
 * or a fixed zone): stored as ISO UTC, shown back in that zone, so daylight saving is right.
 */
export function ZonedDateTimeField<T extends FieldValues>({
  control,
  name,
  label,
  zone,
}: FieldProps<T> & { zone: string }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const stored = (field.value as string | undefined) ?? '';
  const shownDate = stored && zone ? localDateIn(stored, zone) : '';
  const shownTime = stored && zone ? formatTimeIn(stored, zone, 'en-GB') : '';
  const [draft, setDraft] = useState<{ date: string; time: string } | null>(null);
  const date = draft?.date ?? shownDate;
  const time = draft?.time ?? shownTime;
  const change = (next: { date: string; time: string }) => {
    if (next.date === '' && next.time === '') {
      setDraft(null);
      field.onChange('');
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(next.date) && /^\d{2}:\d{2}$/.test(next.time) && zone) {
      setDraft(null);
      field.onChange(zonedTimeToInstant(next.date, next.time, zone));
    } else setDraft(next);
  };
  return (
    <fieldset className="zoned-date-time">
      <legend>{label}</legend>
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <TextInput
          label={t('delegationEdit.date')}
          type="date"
          value={date}
          onChange={(event) => change({ date: event.currentTarget.value, time })}
          onBlur={field.onBlur}
          name={`${field.name}-date`}
          error={fieldErrorText(t, fieldState.error)}
        />
        <TextInput
          label={t('delegationEdit.time')}
          type="time"
          value={time}
          onChange={(event) => change({ date, time: event.currentTarget.value })}
          onBlur={field.onBlur}
          name={`${field.name}-time`}
        />
      </Group>
    </fieldset>
  );
}
