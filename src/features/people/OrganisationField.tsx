/**
 * The organisation a person belongs to, chosen from the registry by typing the start of its name:
 * only the matching few are read (through the name index), so a registry of thousands stays quick.
 */
import { Select, type ComboboxItem } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { fieldErrorText } from '../common/forms/field-error';

function option(organisation: { id: string; name: string; city: string }): ComboboxItem {
  return {
    value: organisation.id,
    label: organisation.city ? `${organisation.name} (${organisation.city})` : organisation.name,
  };
}

export function OrganisationField<T extends FieldValues>({
  control,
  name,
  label,
  description,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const value = (field.value as string | undefined) ?? '';
  const [search, setSearch] = useState('');
  const selected = useLiveQuery(() => queries.organisationById(db, value), [value]);
  const found = useLiveQuery(() => queries.searchOrganisations(db, search), [search]);
  const data = useMemo(() => {
    const options = (found ?? []).map(option);
    if (selected && !options.some((entry) => entry.value === selected.id)) options.unshift(option(selected));
    return options;
  }, [found, selected]);
  // Typing the chosen option's own label is not a new search.
  const selectedLabel = selected ? option(selected).label : '';
  return (
    <Select
      label={label}
      description={description}
      data={data}
      searchable
      clearable
      // The registry already matched accent- and case-folded; Mantine's own filter would not.
      filter={({ options }) => options}
      onSearchChange={(next) => setSearch(next === selectedLabel ? '' : next)}
      placeholder={t('form.choose')}
      nothingFoundMessage={t('form.none')}
      value={value === '' ? null : value}
      onChange={(next) => field.onChange(next ?? '')}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
