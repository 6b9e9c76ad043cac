/**
 * A new organisation: the fields that identify it, checked against the organisation schema, and the
 * duplicate guard before it is written: when one with the same name and country or the same website
 * exists, the user opens that one or creates this one anyway.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import {
  findLikelyDuplicates,
  OrganisationIndex,
  type LikelyDuplicate,
  type OrganisationMatch,
} from '../../domain/csv/duplicates';
import type { Organisation } from '../../domain/entities';
import { OrganisationFields } from '../../domain/entities/organisation';
import { CreateFormFrame, useCreateWrite } from '../common/forms/create-form';
import { READABLE_FORM_COLOURS } from '../people/PersonFormFields';
import { OrganisationFormFields, type OrganisationFormValues } from './OrganisationFormFields';

const EMPTY: OrganisationFormValues = { name: '', kind: 'company', countryCode: '' };

interface Found {
  readonly fields: OrganisationFields;
  readonly matches: { readonly organisation: Organisation; readonly matchedBy: OrganisationMatch }[];
}

/** The live organisations the candidate probably duplicates, with their records for naming them. */
async function duplicatesOf(fields: OrganisationFields): Promise<Found['matches']> {
  const all = await queries.liveOrganisations(db);
  const matches: LikelyDuplicate<OrganisationMatch>[] = findLikelyDuplicates(fields, new OrganisationIndex(all));
  const byId = new Map(all.map((organisation) => [organisation.id, organisation]));
  return matches.flatMap((match) => {
    const organisation = byId.get(match.id);
    return organisation ? [{ organisation, matchedBy: match.matchedBy }] : [];
  });
}

export function OrganisationCreateForm({
  onSubmit,
  onOpenExisting,
  onCancel,
}: {
  /** Writes the new organisation; an `AppError` with field issues shows them at the fields. */
  onSubmit: (fields: OrganisationFields) => Promise<void>;
  onOpenExisting: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<OrganisationFormValues, unknown, OrganisationFields>({
    resolver: zodResolver(OrganisationFields),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { failure, setFailure, write } = useCreateWrite(form, onSubmit);
  const [found, setFound] = useState<Found | null>(null);
  // A warning is about the fields as they were: editing them asks again on the next save.
  useEffect(() => {
    const subscription = form.watch(() => setFound(null));
    return () => subscription.unsubscribe();
  }, [form]);

  const submit = form.handleSubmit(async (fields) => {
    try {
      const matches = await duplicatesOf(fields);
      if (matches.length > 0) {
        setFound({ fields, matches });
        return;
      }
    } catch (error) {
      setFailure(error);
      return;
    }
    await write(fields);
  });

  return (
    <CreateFormFrame
      onSubmit={submit}
      failure={failure}
      submitting={form.formState.isSubmitting}
      onCancel={onCancel}
      testId="organisation-create-form"
      style={READABLE_FORM_COLOURS}
    >
      <OrganisationFormFields control={form.control} />
      {found && (
        <Alert color="yellow" title={t('companies.duplicateTitle')} data-testid="duplicate-warning">
          <Stack gap="xs">
            <Text size="sm">{t('companies.duplicateBody')}</Text>
            <List size="sm">
              {found.matches.map(({ organisation, matchedBy }) => (
                <List.Item key={organisation.id}>
                  {/* The button goes under the name when both do not fit: its label stays whole. */}
                  <Group gap="xs">
                    <Text size="sm">
                      {organisation.name} ({t(`companies.matchedBy.${matchedBy}`)})
                    </Text>
                    <Button size="compact-sm" variant="light" onClick={() => onOpenExisting(organisation.id)}>
                      {t('companies.openExisting', { name: organisation.name })}
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
            <Group>
              <Button
                size="compact-sm"
                variant="outline"
                onClick={() => void write(found.fields)}
                data-testid="create-anyway"
              >
                {t('companies.createAnyway')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </CreateFormFrame>
  );
}
