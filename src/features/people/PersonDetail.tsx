/**
 * The panel of one person: every field in a form that saves itself, the photo, the masked
 * sensitive fields, and delete with undo.
 */
import { Button, CloseButton, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, repositories } from '../../db';
import type { Person } from '../../domain/entities';
import { displayName, PersonFields } from '../../domain/entities/person';
import { SENSITIVE_FIELDS } from '../../domain/sensitive-fields';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { notifyUndoable } from '../common/notify-undoable';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { changedPersonFields, deletePerson, savePerson } from './people-actions';
import { PersonFormFields, READABLE_FORM_COLOURS } from './PersonFormFields';
import { PersonPhoto } from './PersonPhoto';
import { SensitiveSection } from './SensitiveSection';

function fieldsOf(person: Person): PersonFields {
  const { id: _id, createdAt: _c, updatedAt: _u, deleted: _d, stamps: _s, hlc: _h, sortKey: _k, ...fields } = person;
  return fields;
}

function PersonForm({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const name = displayName(person);
  const stored = useMemo(() => fieldsOf(person), [person]);
  const storedRef = useRef(stored);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const editLabel = t('people.editLabel', { name });
  const save = useCallback(
    async (fields: PersonFields) => {
      const saved = await savePerson(db, person.id, changedPersonFields(storedRef.current, fields));
      if (saved) useUndo.getState().record({ label: editLabel, steps: saved.undo });
    },
    [person.id, editLabel],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema: PersonFields, values: stored, save });
  // Masked again for every person: the panel is keyed by person, so this starts false each time.
  const [revealed, setRevealed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  // A change typed just before closing the panel is still saved (an unchanged form writes nothing).
  useEffect(() => () => void flush(), [flush]);

  const hideSensitive = (reveal: boolean) => {
    if (!reveal) {
      // A half-typed sensitive value that is not valid would block every later save unseen.
      for (const field of SENSITIVE_FIELDS.people) {
        if (form.getFieldState(field).invalid) form.resetField(field);
      }
    }
    setRevealed(reveal);
  };

  const remove = () => {
    deletePerson(db, person.id).then(
      (steps) => {
        useUndo.getState().record({ label: t('people.deleteLabel', { name }), steps });
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
          <Title order={2} size="h3" ref={headingRef} tabIndex={-1} data-testid="person-detail-title">
            {name}
          </Title>
          <SaveStatus state={state} error={error} />
        </Stack>
        <CloseButton aria-label={t('people.closeDetail')} onClick={onClose} size="lg" />
      </Group>
      <PersonPhoto person={person} />
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Stack gap="md">
          <PersonFormFields control={form.control} full />
          <SensitiveSection control={form.control} revealed={revealed} onRevealedChange={hideSensitive} />
        </Stack>
      </form>
      <Stack gap={4} align="flex-start">
        <Button variant="outline" color="red.8" leftSection={<IconTrash size={16} aria-hidden />} onClick={remove}>
          {t('people.delete')}
        </Button>
        <Text size="xs" c="gray.8">
          {t('people.deleteHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}

/** The open person, or nothing when they were deleted meanwhile (the panel then closes). */
export function PersonDetail({ personId, onClose }: { personId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useLiveQuery(async () => ({ person: (await repositories.people.get(personId)) ?? null }), [personId]);
  const person = found?.person;
  useEffect(() => {
    if (person === null) onClose();
  }, [person, onClose]);
  return (
    <Paper
      withBorder
      radius="md"
      component="section"
      aria-label={person ? t('people.detailLabel', { name: displayName(person) }) : t('app.loading')}
      data-testid="person-detail"
      style={{ flex: '0 0 460px', maxWidth: '50%' }}
    >
      <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto" offsetScrollbars>
        {/* A plain element: Mantine's style prop drops custom properties. */}
        <div style={READABLE_FORM_COLOURS}>
          <Stack p="md">
            {person ? (
              <PersonForm key={person.id} person={person} onClose={onClose} />
            ) : (
              <Text role="status">{t('app.loading')}</Text>
            )}
          </Stack>
        </div>
      </ScrollArea.Autosize>
    </Paper>
  );
}
