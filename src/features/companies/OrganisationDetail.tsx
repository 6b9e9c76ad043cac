/**
 * The panel of one organisation: every field in a form that saves itself, its contacts, the
 * missions and meetings with it, and delete with undo.
 */
import { Button, CloseButton, Divider, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { changedFields, deleteOrganisation, saveOrganisation } from '../../db/knowledge-writes';
import type { Organisation } from '../../domain/entities';
import { OrganisationFields } from '../../domain/entities/organisation';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { notifyUndoable } from '../common/notify-undoable';
import { READABLE_FORM_COLOURS } from '../people/PersonFormFields';
import { OrganisationActivity } from './OrganisationActivity';
import { OrganisationContacts } from './OrganisationContacts';
import { OrganisationFormFields } from './OrganisationFormFields';

function fieldsOf(organisation: Organisation): OrganisationFields {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    deleted: _d,
    stamps: _s,
    hlc: _h,
    sortKey: _k,
    ...fields
  } = organisation;
  return fields;
}

function OrganisationForm({ organisation, onClose }: { organisation: Organisation; onClose: () => void }) {
  const { t } = useTranslation();
  const name = organisation.name;
  const stored = useMemo(() => fieldsOf(organisation), [organisation]);
  const storedRef = useRef(stored);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const editLabel = t('companies.editLabel', { name });
  const save = useCallback(
    async (fields: OrganisationFields) => {
      const saved = await saveOrganisation(db, organisation.id, changedFields(storedRef.current, fields));
      if (saved) useUndo.getState().record({ label: editLabel, steps: saved.undo });
    },
    [organisation.id, editLabel],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema: OrganisationFields, values: stored, save });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  // A change typed just before closing the panel is still saved (an unchanged form writes nothing).
  useEffect(() => () => void flush(), [flush]);

  const remove = () => {
    deleteOrganisation(db, organisation.id).then(
      (steps) => {
        useUndo.getState().record({ label: t('companies.deleteLabel', { name }), steps });
        notifyUndoable(t, t('form.deleted', { name }));
        onClose();
      },
      (failure: unknown) => notifyError(t, failure),
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1} data-testid="organisation-detail-title">
            {name}
          </Title>
          <SaveStatus state={state} error={error} />
        </Stack>
        <CloseButton aria-label={t('companies.closeDetail')} onClick={onClose} size="lg" />
      </Group>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <OrganisationFormFields control={form.control} full />
      </form>
      <Divider />
      <OrganisationContacts organisation={organisation} />
      <Divider />
      <OrganisationActivity organisationId={organisation.id} />
      <Divider />
      <Stack gap={4} align="flex-start">
        <Button variant="outline" color="red.8" leftSection={<IconTrash size={16} aria-hidden />} onClick={remove}>
          {t('companies.delete')}
        </Button>
        <Text size="xs" c="gray.8">
          {t('companies.deleteHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}

/** The open organisation, or nothing when it was deleted meanwhile (the panel then closes). */
export function OrganisationDetail({ organisationId, onClose }: { organisationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useLiveQuery(
    async () => ({ organisation: (await queries.organisationById(db, organisationId)) ?? null }),
    [organisationId],
  );
  const organisation = found?.organisation;
  useEffect(() => {
    if (organisation === null) onClose();
  }, [organisation, onClose]);
  return (
    <Paper
      withBorder
      radius="md"
      component="section"
      aria-label={organisation ? t('companies.detailLabel', { name: organisation.name }) : t('app.loading')}
      data-testid="organisation-detail"
      style={{ flex: '0 0 480px', maxWidth: '50%' }}
    >
      <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto" offsetScrollbars>
        <div style={READABLE_FORM_COLOURS}>
          <Stack p="md">
            {organisation ? (
              <OrganisationForm key={organisation.id} organisation={organisation} onClose={onClose} />
            ) : (
              <Text role="status">{t('app.loading')}</Text>
            )}
          </Stack>
        </div>
      </ScrollArea.Autosize>
    </Paper>
  );
}
