/**
 * The organisations a note is about, chosen from the registry by typing the start of a name: only
 * the matching few are read (through the name index), plus the ones already chosen, so a registry
 * of thousands stays quick.
 */
import { MultiSelect, type ComboboxItem } from '@mantine/core';
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

export function OrganisationTagsField<T extends FieldValues>({
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
  const value = useMemo(() => (field.value as string[] | undefined) ?? [], [field.value]);
  const [search, setSearch] = useState('');
  const chosen = useLiveQuery(() => queries.recordsByIds(db, 'organisations', value), [value.join(',')]);
  const found = useLiveQuery(() => queries.searchOrganisations(db, search), [search]);
  const data = useMemo(() => {
    const options = new Map<string, ComboboxItem>();
    for (const organisation of chosen ?? []) {
      // A tagged organisation deleted since keeps its tag, shown by its last name.
      options.set(organisation.id, option(organisation));
    }
    for (const organisation of found ?? []) options.set(organisation.id, option(organisation));
    // Until the chosen ones are read, their ids stand in so the value is never dropped.
    for (const id of value) if (!options.has(id)) options.set(id, { value: id, label: '…' });
    return [...options.values()];
  }, [chosen, found, value]);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The registry already matched accent- and case-folded; Mantine's own filter would not.
      filter={({ options }) => options}
      nothingFoundMessage={t('form.none')}
      value={value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={fieldErrorText(t, fieldState.error)}
      comboboxProps={{ withinPortal: true }}
      data-testid="note-organisations"
    />
  );
}
