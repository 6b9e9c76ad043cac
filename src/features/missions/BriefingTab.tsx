/**
 * A mission's country briefing: the country-sheet sections and intelligence notes that go into
 * its book, in their order. The proposal (from the mission's countries, sectors and targets) is
 * shown until the user adjusts it: move up or down (buttons, so the keyboard does everything),
 * leave out, add, or go back to the proposal. Each change is stored as the mission's
 * briefingSelection through the db door, in one undoable unit.
 */
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, missionWrites } from '../../db';
import type { MissionSnapshot } from '../../db/snapshot';
import {
  addableEntries,
  briefingKey,
  moveEntry,
  resolveBriefing,
  toSelection,
  type BriefingEntry,
  type BriefingRef,
} from '../../domain/briefing-selection';
import { countryName } from '../../domain/countries';
import type { CountrySheet, IntelligenceNote, Mission } from '../../domain/entities';
import { localToday } from '../../domain/note-review';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { Markdown } from '../common/Markdown';
import { notifyError } from '../common/errors';
import { notifyUndoable } from '../common/notify-undoable';

type Entry = BriefingEntry<IntelligenceNote, CountrySheet>;

const LIST_STYLE = {
  listStyle: 'none',
  padding: 0,
  margin: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: 'var(--mantine-spacing-sm)',
} as const;

/** Which button to give focus back to once the list has been stored and drawn again. */
interface FocusWish {
  readonly key: string;
  readonly action: 'up' | 'down';
  /** Where the entry will be once the stored list is back: until then, the old list is showing. */
  readonly at: number;
}

function useEntryTitle() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return useCallback(
    (entry: Entry) =>
      entry.kind === 'note'
        ? entry.note.title
        : `${countryName(entry.sheet.countryCode, language)} · ${t(`mission.briefingTab.sections.${entry.section}`)}`,
    [language, t],
  );
}

function EntryFacts({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  if (entry.kind === 'sheet') {
    return (
      <Badge variant="outline" color="blue.9" style={{ textTransform: 'none' }}>
        {t('mission.briefingTab.kindSheet')}
      </Badge>
    );
  }
  const { note } = entry;
  const source = [note.source, note.sourceDate ? formatDate(note.sourceDate, LOCALES[language]) : '']
    .filter(Boolean)
    .join(', ');
  return (
    <Group gap="xs">
      <Badge variant="outline" color="gray.8" style={{ textTransform: 'none' }}>
        {t('mission.briefingTab.kindNote')}
      </Badge>
      {entry.reviewOverdue && (
        <Badge
          color="red.9"
          variant="light"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
          data-testid="briefing-overdue"
          style={{ textTransform: 'none' }}
        >
          {t('mission.briefingTab.overdue', { date: formatDate(note.reviewBy, LOCALES[language]) })}
        </Badge>
      )}
      <Text size="sm" c="gray.8">
        {source ? t('mission.briefingTab.source', { source }) : t('mission.briefingTab.noSource')}
      </Text>
    </Group>
  );
}

export function BriefingTab({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const title = useEntryTitle();
  const { mission } = snapshot;
  const candidates = useMemo(
    () => ({
      mission,
      targets: snapshot.targets,
      notes: snapshot.notes,
      countrySheets: snapshot.countrySheets,
      today: localToday(new Date()),
    }),
    [mission, snapshot.targets, snapshot.notes, snapshot.countrySheets],
  );
  // What was just stored, shown until the snapshot read again after the write arrives: the next
  // click must start from the list as the user now sees it, not from the one before the write.
  const [stored, setStored] = useState<{ readonly over: Mission; readonly selection: BriefingRef[] | null } | null>(
    null,
  );
  const selection = stored && stored.over === mission ? stored.selection : mission.briefingSelection;
  const entries = useMemo(() => resolveBriefing(selection, candidates), [selection, candidates]);
  const addable = useMemo(() => addableEntries(entries, candidates), [entries, candidates]);
  // One change at a time: a click while the previous change is being stored (a few milliseconds)
  // is ignored rather than applied to a list that is about to change under it.
  const busy = useRef(false);
  const [focusWish, setFocusWish] = useState<FocusWish | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // Focus stays on the moved entry's button (or its other one, at an end of the list).
  useEffect(() => {
    if (!focusWish || !listRef.current) return;
    if (entries.findIndex((entry) => briefingKey(entry) === focusWish.key) !== focusWish.at) return;
    const item = listRef.current.querySelector(`[data-key="${CSS.escape(focusWish.key)}"]`);
    if (!item) return;
    const wanted = item.querySelector<HTMLButtonElement>(`[data-action="${focusWish.action}"]:not(:disabled)`);
    const other = item.querySelector<HTMLButtonElement>(`[data-action]:not(:disabled)`);
    (wanted ?? other)?.focus();
    setFocusWish(null);
  }, [entries, focusWish]);

  const store = useCallback(
    async (next: readonly Entry[] | null, label: string) => {
      if (busy.current) return false;
      busy.current = true;
      try {
        const refs = next && toSelection(next);
        const { undo } = await missionWrites.setBriefingSelection(db, mission.id, refs);
        setStored({ over: mission, selection: refs });
        useUndo.getState().record({ label, steps: undo });
        return true;
      } catch (error) {
        notifyError(t, error);
        return false;
      } finally {
        busy.current = false;
      }
    },
    [mission, t],
  );

  const move = async (index: number, delta: -1 | 1) => {
    const entry = entries[index];
    if (!entry) return;
    const label = t(delta < 0 ? 'mission.briefingTab.moveUp' : 'mission.briefingTab.moveDown', {
      title: title(entry),
    });
    if (await store(moveEntry(entries, index, delta), label)) {
      setFocusWish({ key: briefingKey(entry), action: delta < 0 ? 'up' : 'down', at: index + delta });
    }
  };

  const remove = async (index: number) => {
    const entry = entries[index];
    if (!entry) return;
    const message = t('mission.briefingTab.removed', { title: title(entry) });
    if (
      await store(
        entries.filter((_, i) => i !== index),
        message,
      )
    ) {
      notifyUndoable(t, message);
      const next = entries[index + 1];
      const previous = entries[index - 1];
      if (next) setFocusWish({ key: briefingKey(next), action: 'up', at: index });
      else if (previous) setFocusWish({ key: briefingKey(previous), action: 'up', at: index - 1 });
    }
  };

  const add = async (entry: Entry) => {
    if (await store([...entries, entry], t('mission.briefingTab.add', { title: title(entry) }))) {
      setFocusWish({ key: briefingKey(entry), action: 'up', at: entries.length });
    }
  };

  const reset = async () => {
    if (await store(null, t('mission.briefingTab.reset'))) notifyUndoable(t, t('mission.briefingTab.resetDone'));
  };

  const adjusted = selection !== null;
  if (entries.length === 0 && addable.length === 0) {
    return <Text maw={800}>{t('mission.briefingTab.nothingAtAll')}</Text>;
  }

  return (
    <Stack gap="lg" maw={860} data-testid="briefing-tab">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('mission.briefingTab.title')}
        </Title>
        <Text c="gray.8">{t('mission.briefingTab.intro')}</Text>
        <Group gap="sm">
          <Badge
            variant="outline"
            color={adjusted ? 'blue.9' : 'gray.8'}
            style={{ textTransform: 'none' }}
            data-testid="briefing-state"
          >
            {t(adjusted ? 'mission.briefingTab.adjusted' : 'mission.briefingTab.asProposed')}
          </Badge>
          {adjusted && (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => void reset()}
            >
              {t('mission.briefingTab.reset')}
            </Button>
          )}
        </Group>
      </Stack>

      {entries.length === 0 ? (
        <Text>{t('mission.briefingTab.empty')}</Text>
      ) : (
        <ol
          ref={listRef}
          aria-label={t('mission.briefingTab.listLabel')}
          data-testid="briefing-list"
          style={LIST_STYLE}
        >
          {entries.map((entry, index) => {
            const name = title(entry);
            const key = briefingKey(entry);
            return (
              <Paper component="li" key={key} withBorder p="sm" radius="sm" data-key={key} data-testid="briefing-entry">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: 1 }}>
                    {/* The list itself tells a screen reader the position; the number is for the eye. */}
                    <Text fw={700} c="gray.8" w={28} ta="right" style={{ flexShrink: 0 }} aria-hidden>
                      {index + 1}.
                    </Text>
                    <Stack gap={4}>
                      <Title order={3} size="h5" data-testid="briefing-entry-title">
                        {name}
                      </Title>
                      <EntryFacts entry={entry} />
                      {entry.kind === 'note' && entry.note.body.trim() !== '' && (
                        <details>
                          <summary style={{ cursor: 'pointer' }}>
                            <Text span size="sm">
                              {t('mission.briefingTab.read')}
                            </Text>
                          </summary>
                          <Markdown source={entry.note.body} />
                        </details>
                      )}
                    </Stack>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="default"
                      size="lg"
                      data-action="up"
                      disabled={index === 0}
                      aria-label={t('mission.briefingTab.moveUp', { title: name })}
                      onClick={() => void move(index, -1)}
                    >
                      <IconArrowUp size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      data-action="down"
                      disabled={index === entries.length - 1}
                      aria-label={t('mission.briefingTab.moveDown', { title: name })}
                      onClick={() => void move(index, 1)}
                    >
                      <IconArrowDown size={18} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      data-action="remove"
                      aria-label={t('mission.briefingTab.remove', { title: name })}
                      onClick={() => void remove(index)}
                    >
                      <IconX size={18} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </ol>
      )}

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('mission.briefingTab.addTitle')}
        </Title>
        {addable.length === 0 ? (
          <Text c="gray.8">{t('mission.briefingTab.nothingToAdd')}</Text>
        ) : (
          <Stack
            component="ul"
            gap={6}
            data-testid="briefing-addable"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {addable.map((entry) => {
              const name = title(entry);
              return (
                <Group component="li" key={briefingKey(entry)} justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={2}>
                    <Text>{name}</Text>
                    <EntryFacts entry={entry} />
                  </Stack>
                  <Button
                    variant="default"
                    size="compact-sm"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    aria-label={t('mission.briefingTab.add', { title: name })}
                    onClick={() => void add(entry)}
                  >
                    {t('mission.briefingTab.addTitle')}
                  </Button>
                </Group>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
