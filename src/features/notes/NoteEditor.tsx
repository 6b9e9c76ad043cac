/**
 * An existing intelligence note in a form that saves itself (only when valid), with delete and
 * undo. Shown in the note drawer of the Countries screen.
 */
import { Button, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { changedFields, deleteNote, saveNote } from '../../db/knowledge-writes';
import { userFieldsOf } from '../../domain/entities/common';
import type { IntelligenceNote } from '../../domain/entities';
import { IntelligenceNoteFields } from '../../domain/entities/intelligence-note';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { notifyUndoable } from '../common/notify-undoable';
import { ReviewFlag } from '../common/NoteCard';
import { NoteFormFields } from './NoteFormFields';

export function NoteEditor({ note, onDeleted }: { note: IntelligenceNote; onDeleted: () => void }) {
  const { t } = useTranslation();
  const stored = useMemo(() => userFieldsOf(note) as IntelligenceNoteFields, [note]);
  const storedRef = useRef(stored);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const editLabel = t('notes.editLabel', { title: note.title });
  const save = useCallback(
    async (fields: IntelligenceNoteFields) => {
      const saved = await saveNote(db, note.id, changedFields(storedRef.current, fields));
      if (saved) useUndo.getState().record({ label: editLabel, steps: saved.undo });
    },
    [note.id, editLabel],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema: IntelligenceNoteFields, values: stored, save });
  // A change typed just before closing the drawer is still saved (an unchanged form writes nothing).
  useEffect(() => () => void flush(), [flush]);

  const remove = () => {
    deleteNote(db, note.id).then(
      (steps) => {
        useUndo.getState().record({ label: t('notes.deleteLabel', { title: note.title }), steps });
        notifyUndoable(t, t('form.deleted', { name: note.title }));
        onDeleted();
      },
      (failure: unknown) => notifyError(t, failure),
    );
  };

  return (
    <Stack gap="md" data-testid="note-editor">
      <SaveStatus state={state} error={error} />
      <ReviewFlag note={note} />
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <NoteFormFields control={form.control} />
      </form>
      <Stack gap={4} align="flex-start">
        <Button
          variant="outline"
          color="red.8"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={remove}
          data-testid="note-delete"
        >
          {t('notes.delete')}
        </Button>
        <Text size="xs" c="gray.8">
          {t('notes.deleteHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}
