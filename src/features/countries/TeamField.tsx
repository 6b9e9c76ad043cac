/**
 * The staff of a country team, chosen from the people registry by typing the start of a family
 * name: only the matching few are read, plus the ones already chosen.
 */
import { MultiSelect, type ComboboxItem } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { Person } from '../../domain/entities';
import { fieldErrorText } from '../common/forms/field-error';

function option(person: Pick<Person, 'id' | 'givenName' | 'familyName' | 'jobTitle'>): ComboboxItem {
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
  return { value: person.id, label: person.jobTitle ? `${name} (${person.jobTitle})` : name };
}

export function TeamField<T extends FieldValues>({
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
  const chosen = useLiveQuery(() => queries.recordsByIds(db, 'people', value), [value.join(',')]);
  const found = useLiveQuery(() => queries.searchPeople(db, search), [search]);
  const data = useMemo(() => {
    const options = new Map<string, ComboboxItem>();
    for (const person of chosen ?? []) options.set(person.id, option(person));
    for (const person of found ?? []) options.set(person.id, option(person));
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
      data-testid="sheet-team"
    />
  );
}
