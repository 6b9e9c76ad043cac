/**
 * The note drawer: a new note (saved by its button, then edited in place) or an existing one
 * (saving itself). It follows the stored note, so an undo or a sync shows at once, and closes
 * when the note is deleted.
 */
import { Drawer, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { createNote } from '../../db/knowledge-writes';
import type { IntelligenceNoteFields } from '../../domain/entities/intelligence-note';
import { useUndo } from '../../stores/undo';
import { notify } from '../common/errors';
import { READABLE_FORM_COLOURS } from '../people/PersonFormFields';
import { NoteCreateForm } from './NoteCreateForm';
import { NoteEditor } from './NoteEditor';
import type { NoteFormValues } from './NoteFormFields';

/** What the drawer shows: nothing, a new note (with its starting tags), or a stored note by id. */
export type NoteDrawerState =
  null | { readonly kind: 'new'; readonly countryCode: string } | { readonly kind: 'edit'; readonly id: string };

function newNoteValues(countryCode: string): NoteFormValues {
  return {
    title: '',
    body: '',
    source: '',
    sourceUrl: '',
    sourceDate: '',
    reliability: '',
    reviewBy: '',
    countryCodes: countryCode ? [countryCode] : [],
    sectors: [],
    organisationIds: [],
  };
}

function StoredNote({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useLiveQuery(async () => ({ note: (await queries.noteById(db, id)) ?? null }), [id]);
  if (found === undefined) return <Text role="status">{t('app.loading')}</Text>;
  if (found.note === null) return <Text role="status">{t('notes.notFound')}</Text>;
  return <NoteEditor key={found.note.id} note={found.note} onDeleted={onClose} />;
}

export function NoteDrawer({ state, onChange }: { state: NoteDrawerState; onChange: (next: NoteDrawerState) => void }) {
  const { t } = useTranslation();
  const close = () => onChange(null);

  const create = async (fields: IntelligenceNoteFields) => {
    const { result, undo } = await createNote(db, fields);
    useUndo.getState().record({ label: t('notes.created', { title: result.title }), steps: undo });
    notify(t, { color: 'green', message: t('notes.created', { title: result.title }) });
    onChange({ kind: 'edit', id: result.id });
  };

  return (
    <Drawer
      opened={state !== null}
      onClose={close}
      position="right"
      size="xl"
      title={state?.kind === 'new' ? t('notes.newTitle') : t('notes.editTitle')}
      closeButtonProps={{ 'aria-label': t('notes.close') }}
      data-testid="note-drawer"
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <div style={READABLE_FORM_COLOURS}>
        {state?.kind === 'new' && (
          <NoteCreateForm initialValues={newNoteValues(state.countryCode)} onSubmit={create} onCancel={close} />
        )}
        {state?.kind === 'edit' && <StoredNote id={state.id} onClose={close} />}
      </div>
    </Drawer>
  );
}
