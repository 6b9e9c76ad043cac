/**
 * Fields that choose records of a registry (organisations, people) by typing the start of a name:
 * only the matching few are read (through the name index), plus the ones already chosen, so a
 * registry of tens of thousands stays quick. One picker for one record, one for several.
 */
import { MultiSelect, Select, type ComboboxItem } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../../db';
import type { Organisation, Person } from '../../../domain/entities';
import { fieldErrorText } from './field-error';

/** Where a picker reads its records and how it labels them. Define one per registry, at module level. */
export interface RegistrySource<R extends { readonly id: string }> {
  byIds(ids: readonly string[]): Promise<R[]>;
  search(text: string): Promise<R[]>;
  option(record: R): ComboboxItem;
}

export const organisationSource: RegistrySource<Organisation> = {
  byIds: (ids) => queries.recordsByIds(db, 'organisations', ids),
  search: (text) => queries.searchOrganisations(db, text),
  option: (organisation) => ({
    value: organisation.id,
    label: organisation.city ? `${organisation.name} (${organisation.city})` : organisation.name,
  }),
};

export const personSource: RegistrySource<Person> = {
  byIds: (ids) => queries.recordsByIds(db, 'people', ids),
  search: (text) => queries.searchPeople(db, text),
  option: (person) => {
    const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
    return { value: person.id, label: person.jobTitle ? `${name} (${person.jobTitle})` : name };
  },
};

interface PickerProps<T extends FieldValues, R extends { readonly id: string }> {
  readonly control: Control<T>;
  readonly name: Path<T>;
  readonly label: string;
  readonly description?: string;
  readonly source: RegistrySource<R>;
  readonly testId?: string;
}

/** The options: the chosen records first (a chosen record deleted since keeps its last label), then the matches. */
function useRegistryOptions<R extends { readonly id: string }>(
  source: RegistrySource<R>,
  value: readonly string[],
  search: string,
): { data: ComboboxItem[]; chosen: R[] | undefined } {
  const chosen = useLiveQuery(() => source.byIds(value), [source, value.join(',')]);
  const found = useLiveQuery(() => source.search(search), [source, search]);
  const data = useMemo(() => {
    const options = new Map<string, ComboboxItem>();
    for (const record of chosen ?? []) options.set(record.id, source.option(record));
    for (const record of found ?? []) options.set(record.id, source.option(record));
    // Until the chosen ones are read, their ids stand in so the value is never dropped.
    for (const id of value) if (!options.has(id)) options.set(id, { value: id, label: '…' });
    return [...options.values()];
  }, [source, chosen, found, value]);
  return { data, chosen };
}

/** Several records of a registry, stored as a list of ids. */
export function RegistryMultiField<T extends FieldValues, R extends { readonly id: string }>({
  control,
  name,
  label,
  description,
  source,
  testId,
}: PickerProps<T, R>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const value = useMemo(() => (field.value as string[] | undefined) ?? [], [field.value]);
  const [search, setSearch] = useState('');
  const { data } = useRegistryOptions(source, value, search);
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
      data-testid={testId}
    />
  );
}

/** One record of a registry or none, stored as its id or ''. */
export function RegistrySingleField<T extends FieldValues, R extends { readonly id: string }>({
  control,
  name,
  label,
  description,
  source,
  testId,
}: PickerProps<T, R>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const value = (field.value as string | undefined) ?? '';
  const [search, setSearch] = useState('');
  const ids = useMemo(() => (value === '' ? [] : [value]), [value]);
  const { data, chosen } = useRegistryOptions(source, ids, search);
  const selected = chosen?.[0];
  // Typing the chosen option's own label is not a new search.
  const selectedLabel = selected ? source.option(selected).label : '';
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
      data-testid={testId}
    />
  );
}
