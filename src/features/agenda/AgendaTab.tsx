/**
 * The mission's agenda tab: a list or day view in local and Dutch time, the conflicts on top, new
 * and edited items in a dialog, moves by keyboard and drag (each one undoable and announced), and
 * the ICS export.
 */
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import type { MissionSnapshot } from '../../db/snapshot';
import type { AgendaItem } from '../../domain/entities';
import { LOCALES } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';
import { notifyError } from '../common/errors';
import styles from './agenda.module.css';
import { AgendaDayView } from './AgendaDayView';
import { AgendaListView } from './AgendaListView';
import {
  moveToLocalTime,
  shiftByDays,
  shiftByMinutes,
  STEP_MINUTES,
  swapWithNeighbour,
  type Move,
} from './agenda-moves';
import { ConflictPanel } from './ConflictPanel';
import { IcsExport } from './IcsExport';
import { ItemDialog, type EditorTarget } from './ItemDialog';
import { cardLabels, type KeyMove } from './ItemCard';
import { itemTimes } from './item-times';
import { dayName, useAgendaModel, warningsFor } from './use-agenda-model';
import { useAgendaWrites } from './use-agenda-writes';
import { useFreshAgenda } from './fresh-agenda';

type View = 'list' | 'days';

export function AgendaTab({ snapshot: stored }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const locale = LOCALES[language];
  const { items, remember } = useFreshAgenda(stored.agenda);
  const snapshot = useMemo(() => (items === stored.agenda ? stored : { ...stored, agenda: items }), [stored, items]);
  const model = useAgendaModel(snapshot, locale, t);
  const writes = useAgendaWrites(remember);
  const labels = useMemo(() => cardLabels(t), [t]);
  const [view, setView] = useState<View>('list');
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const hintId = useId();
  const container = useRef<HTMLDivElement>(null);
  /** After a move the item may be drawn anew (another day, another place in the list): keep its focus. */
  const refocus = useRef<{ id: string; start: string } | null>(null);

  const open = useCallback((id: string) => setEditor({ kind: 'edit', id }), []);
  const focusItem = (id: string) =>
    container.current?.querySelector<HTMLButtonElement>(`[data-item-button="${CSS.escape(id)}"]`) ?? null;

  const announceMove = useCallback(
    (item: AgendaItem, move: Move) => {
      const moved = { ...item, start: move.start, end: move.end };
      const times = itemTimes(moved, locale);
      setAnnouncement(
        t('agenda.moved', {
          title: item.title,
          day: dayName(times.date, item.timeZone, locale),
          local: times.range.local,
          home: times.range.home,
        }),
      );
    },
    [locale, t],
  );

  const applyMoves = useCallback(
    async (item: AgendaItem, moves: Move[]) => {
      const own = moves.find((move) => move.id === item.id);
      if (!own) return;
      try {
        refocus.current = { id: item.id, start: own.start };
        await writes.move(item.title, moves);
        announceMove(item, own);
      } catch (error) {
        refocus.current = null;
        notifyError(t, error);
      }
    },
    [writes, announceMove, t],
  );

  // The cards keep one handler for the life of the tab (so an edit re-renders only its own card);
  // it reads the view and the agenda as they are now.
  const current = useRef({ view, model });
  useLayoutEffect(() => {
    current.current = { view, model };
  });

  // Moves run one after another, each from the item as stored after the one before: keys pressed
  // faster than the screen redraws still add up (three presses, 45 minutes).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const onKeyMove = useCallback(
    (shown: AgendaItem, move: KeyMove) => {
      const step = async () => {
        const item = await repositories.agenda.get(shown.id);
        if (!item) return;
        const { view, model } = current.current;
        if (move === 'dayBefore' || move === 'dayAfter') {
          await applyMoves(item, [shiftByDays(item, move === 'dayBefore' ? -1 : 1)]);
          return;
        }
        if (view === 'days') {
          await applyMoves(item, [shiftByMinutes(item, move === 'earlier' ? -STEP_MINUTES : STEP_MINUTES)]);
          return;
        }
        // In the list, up and down trade places with the neighbour on the same day.
        const date = model.times.get(item.id)?.date;
        const day = model.days.find((entry) => entry.date === date)?.items ?? [];
        const index = day.findIndex((entry) => entry.id === item.id);
        const shownNeighbour = day[move === 'earlier' ? index - 1 : index + 1];
        const neighbour = shownNeighbour && (await repositories.agenda.get(shownNeighbour.id));
        if (!neighbour) {
          setAnnouncement(t(move === 'earlier' ? 'agenda.alreadyFirst' : 'agenda.alreadyLast', { title: item.title }));
          return;
        }
        const [first, second] = move === 'earlier' ? [neighbour, item] : [item, neighbour];
        await applyMoves(item, swapWithNeighbour(first, second));
      };
      queue.current = queue.current.then(() => step().catch((error: unknown) => notifyError(t, error)));
    },
    [applyMoves, t],
  );

  const onDrop = useCallback(
    (item: AgendaItem, date: string, minuteOfDay: number) => {
      const move = moveToLocalTime(item, date, minuteOfDay);
      if (move.start !== item.start) void applyMoves(item, [move]);
    },
    [applyMoves],
  );

  useEffect(() => {
    const pending = refocus.current;
    if (!pending || model.byId.get(pending.id)?.start !== pending.start) return;
    refocus.current = null;
    const button = focusItem(pending.id);
    if (button && document.activeElement !== button) button.focus();
  });

  // A readiness link (or any link to a record) opens this tab focused on one item: show and open it.
  const tab = useNavigation((state) => state.tab);
  const focusId = useNavigation((state) => state.focusId);
  const handledFocus = useRef<string | null>(null);
  useEffect(() => {
    if (tab !== 'agenda' || !focusId || handledFocus.current === focusId || !model.byId.has(focusId)) return;
    handledFocus.current = focusId;
    focusItem(focusId)?.scrollIntoView({ block: 'center' });
    setEditor({ kind: 'edit', id: focusId });
  }, [tab, focusId, model.byId]);

  // Where focus goes when the dialog has gone: the item it was about (also when a link opened
  // it), the item just created, or the button that opened an empty dialog.
  const focusAfterDialog = useRef<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const closeEditor = useCallback(() => {
    focusAfterDialog.current = editor?.kind === 'edit' ? editor.id : null;
    setEditor(null);
  }, [editor]);
  const dialogGone = useCallback(() => {
    const id = focusAfterDialog.current;
    focusAfterDialog.current = null;
    (id ? focusItem(id) : newButton.current)?.focus();
  }, []);

  const onCreated = useCallback(
    (item: AgendaItem) => {
      focusAfterDialog.current = item.id;
      setEditor(null);
      setAnnouncement(t('agenda.created', { title: item.title }));
    },
    [t],
  );

  const warningsOf = useCallback((id: string) => warningsFor(model, id), [model]);
  const firstDay = model.days[0]?.date ?? snapshot.mission.startDate;

  return (
    <Stack gap="md" data-testid="agenda" data-count={snapshot.agenda.length} ref={container}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="sm" align="flex-end">
          <Button
            ref={newButton}
            leftSection={<IconPlus size={18} aria-hidden />}
            onClick={() => setEditor({ kind: 'new', date: firstDay })}
          >
            {t('agenda.newItem')}
          </Button>
          <SegmentedControl
            aria-label={t('agenda.view')}
            value={view}
            onChange={(next) => setView(next === 'days' ? 'days' : 'list')}
            data={[
              { value: 'list', label: t('agenda.viewList') },
              { value: 'days', label: t('agenda.viewDays') },
            ]}
            data-testid="agenda-view"
          />
        </Group>
        <IcsExport snapshot={snapshot} />
      </Group>

      <ConflictPanel model={model} mission={snapshot.mission} locale={locale} onOpen={open} />

      <Text id={hintId} className={styles.srOnly}>
        {view === 'days' ? t('agenda.keyboardHintDays') : t('agenda.keyboardHintList')}
      </Text>
      <div role="status" aria-live="polite" className={styles.srOnly} data-testid="agenda-announcement">
        {announcement}
      </div>

      {snapshot.agenda.length === 0 ? (
        <Text>{t('mission.noAgenda')}</Text>
      ) : view === 'list' ? (
        <AgendaListView
          model={model}
          locale={locale}
          labels={labels}
          hintId={hintId}
          onOpen={open}
          onKeyMove={onKeyMove}
        />
      ) : (
        <AgendaDayView
          model={model}
          missionZone={snapshot.mission.timeZone}
          missionDates={snapshot.mission}
          locale={locale}
          labels={labels}
          hintId={hintId}
          onOpen={open}
          onKeyMove={onKeyMove}
          onDrop={onDrop}
        />
      )}

      <ItemDialog
        target={editor}
        snapshot={snapshot}
        writes={writes}
        warningsOf={warningsOf}
        onClose={closeEditor}
        onGone={dialogGone}
        onCreated={onCreated}
      />
    </Stack>
  );
}
