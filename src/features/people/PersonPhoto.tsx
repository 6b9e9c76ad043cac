/** A person's photo in the detail panel: shown with its alt text, chosen from a file, or removed. */
import { Button, FileButton, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoto, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { Person } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { PHOTO_MIME_TYPES } from '../../domain/entities/photo';
import { errorMessage, notifyError } from '../common/errors';
import { useUndo } from '../../stores/undo';
import { removePersonPhoto, setPersonPhoto } from './people-actions';
import { preparePhoto } from './resize-photo';

export function PersonPhoto({ person }: { person: Person }) {
  const { t } = useTranslation();
  const titleId = useId();
  const photo = useLiveQuery(() => queries.photoById(db, person.photoId), [person.photoId]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const name = displayName(person);
  const label = t('people.photo.label', { name });

  // Emptied after every pick, so choosing the same file again (after fixing it) is seen.
  const resetInput = useRef<() => void>(null);

  const choose = async (file: File | null) => {
    if (!file) return;
    resetInput.current?.();
    setBusy(true);
    setFailure(null);
    try {
      const prepared = await preparePhoto(file);
      const { undo } = await setPersonPhoto(db, person.id, prepared);
      useUndo.getState().record({ label, steps: undo });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const remove = () => {
    setFailure(null);
    removePersonPhoto(db, person.id).then(
      (undo) => useUndo.getState().record({ label, steps: undo }),
      (error: unknown) => notifyError(t, error),
    );
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        {photo ? (
          <Image
            src={`data:${photo.mime};base64,${photo.data}`}
            alt={t('people.photo.alt', { name })}
            w={96}
            h={96}
            fit="cover"
            radius="sm"
            data-testid="person-photo"
          />
        ) : (
          <Stack w={96} h={96} align="center" justify="center" bg="gray.1" style={{ borderRadius: 4, flexShrink: 0 }}>
            <IconPhoto size={32} aria-hidden color="var(--mantine-color-gray-6)" />
          </Stack>
        )}
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Title order={3} size="h5" id={titleId}>
            {t('people.photo.title')}
          </Title>
          {!photo && (
            <Text size="sm" c="gray.8">
              {t('people.photo.none')}
            </Text>
          )}
          <Text size="xs" c="gray.8">
            {t('people.photo.help')}
          </Text>
          <Group gap="xs">
            <FileButton
              onChange={(file) => void choose(file)}
              accept={PHOTO_MIME_TYPES.join(',')}
              resetRef={resetInput}
            >
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  variant="light"
                  loading={busy}
                  leftSection={<IconPhoto size={14} aria-hidden />}
                >
                  {photo ? t('people.photo.replace') : t('people.photo.choose')}
                </Button>
              )}
            </FileButton>
            {photo && (
              <Button
                size="xs"
                variant="subtle"
                color="red.8"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={remove}
              >
                {t('people.photo.remove')}
              </Button>
            )}
          </Group>
          {busy && (
            <Text size="sm" role="status">
              {t('people.photo.processing')}
            </Text>
          )}
          {failure !== null && (
            <Text size="sm" c="red.8" role="alert" data-testid="photo-error">
              {errorMessage(t, failure)}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
