/**
 * The briefing book panel of a mission dossier: the options (the mission's last ones to start
 * with), making the book with progress and a Cancel button, the preview, and Save.
 */
import { Alert, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookOptions } from '../../book/book-input';
import { db } from '../../db';
import { readBookOptions } from '../../db/book-issues';
import { displayName } from '../../domain/entities/person';
import { notifyError } from '../common/errors';
import { useMissionSnapshot } from '../missions/use-missions';
import { optionsProblem, startingOptions } from './book-options';
import { BookOptionsForm, type MemberChoice } from './BookOptionsForm';
import { BookPreview } from './BookPreview';
import { useBook, type BookState } from './use-book';

function WorkingBar({ state, onCancel }: { state: Extract<BookState, { kind: 'working' }>; onCancel: () => void }) {
  const { t } = useTranslation();
  const percent = state.fraction === null ? null : Math.round(state.fraction * 100);
  const label =
    state.stage === 'writing'
      ? t('book.stage.writing', { percent: String(percent ?? 0) })
      : t(`book.stage.${state.stage}`);
  return (
    <Stack gap="xs" maw={560}>
      <Group justify="space-between">
        <Text role="status" aria-live="polite">
          {label}
        </Text>
        <Button variant="default" leftSection={<IconX size={16} />} onClick={onCancel}>
          {t('book.cancel')}
        </Button>
      </Group>
      {/* Laying out has no measure of its own: a moving bar rather than a made-up percentage. */}
      <Progress
        value={percent ?? 100}
        animated={percent === null}
        striped={percent === null}
        aria-label={t('book.progress')}
        size="lg"
      />
    </Stack>
  );
}

export function BookPanel({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const snapshot = useMissionSnapshot(missionId);
  const { state, saving, make, cancel, save } = useBook(missionId);
  const [options, setOptions] = useState<BookOptions>();

  const members: MemberChoice[] = useMemo(() => {
    if (!snapshot) return [];
    const people = new Map(snapshot.people.map((p) => [p.id, p]));
    return snapshot.delegation.flatMap((m) => {
      const person = people.get(m.personId);
      return person ? [{ value: person.id, label: displayName(person) }] : [];
    });
  }, [snapshot]);

  const memberIds = useMemo(() => members.map((m) => m.value), [members]);
  const ready = snapshot !== undefined && snapshot !== null;
  useEffect(() => {
    // Once per mission, when the delegation is known: the last options, still valid, or the defaults.
    if (!ready || options !== undefined) return;
    readBookOptions(db, missionId).then(
      (stored) => setOptions(startingOptions(stored, memberIds)),
      (error: unknown) => {
        notifyError(t, error);
        setOptions(startingOptions(undefined, memberIds));
      },
    );
  }, [ready, options, missionId, memberIds, t]);

  if (snapshot === undefined || options === undefined) return <Loader aria-label={t('app.loading')} />;
  if (snapshot === null) return <Alert color="red">{t('errors.notFound')}</Alert>;

  const problem = optionsProblem(options);
  const working = state.kind === 'working';
  return (
    <Stack gap="lg" data-testid="book-panel">
      <div>
        <Title order={2} size="h3">
          {t('book.title')}
        </Title>
        <Text maw={760} c="gray.8">
          {t('book.intro')}
        </Text>
      </div>
      <BookOptionsForm options={options} members={members} disabled={working} onChange={setOptions} />
      {working ? (
        <WorkingBar state={state} onCancel={cancel} />
      ) : (
        <Group>
          <Button
            leftSection={<IconBook size={18} />}
            disabled={problem !== null}
            onClick={() => {
              const parsed = BookOptions.safeParse(options);
              if (parsed.success) void make(snapshot, parsed.data);
            }}
          >
            {state.kind === 'ready' ? t('book.remade') : t('book.make')}
          </Button>
        </Group>
      )}
      {state.kind === 'ready' && (
        <BookPreview
          result={state.result}
          version={state.version}
          saving={saving}
          onSave={() => void save(snapshot.mission.title)}
        />
      )}
    </Stack>
  );
}
