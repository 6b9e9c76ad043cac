/**
 * The agenda as days side by side: one column per local day, each item placed at its local time
 * and as tall as it lasts. An item is dragged to another time or day with the pointer.
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useMemo, useRef, type PointerEvent } from 'react';
import type { AgendaItem } from '../../domain/entities';
import styles from './agenda.module.css';
import { hourWindow, layoutDay, type DayEntry } from './day-layout';
import { ItemCard, type CardLabels, type KeyMove } from './ItemCard';
import { dayLabel, warningsFor, type AgendaModel } from './use-agenda-model';

/** Vertical scale: 96 px per hour, so an hour-long meeting shows five lines. */
export const PX_PER_MINUTE = 1.6;
const DRAG_THRESHOLD_PX = 5;

interface Drag {
  readonly item: AgendaItem;
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
  /** Where in the block it was grabbed, so the block's top lands where it is shown. */
  readonly grabY: number;
  readonly element: HTMLButtonElement;
  moved: boolean;
}

export function AgendaDayView({
  model,
  missionZone,
  missionDates,
  locale,
  labels,
  hintId,
  onOpen,
  onKeyMove,
  onDrop,
}: {
  model: AgendaModel;
  missionZone: string;
  missionDates: { readonly startDate: string; readonly endDate: string };
  locale: string;
  labels: CardLabels;
  hintId: string;
  onOpen: (id: string) => void;
  onKeyMove: (item: AgendaItem, move: KeyMove) => void;
  onDrop: (item: AgendaItem, date: string, minuteOfDay: number) => void;
}) {
  const { t } = useTranslation();
  const drag = useRef<Drag | null>(null);
  const justDragged = useRef(false);

  const layout = useMemo(() => {
    const byDate = new Map<string, { item: AgendaItem; entry: DayEntry }[]>();
    for (const { date, items } of model.days) {
      byDate.set(
        date,
        items.flatMap((item) => {
          const times = model.times.get(item.id);
          return times
            ? [{ item, entry: { id: item.id, startMinute: times.startMinute, durationMinutes: times.durationMinutes } }]
            : [];
        }),
      );
    }
    const window = hourWindow([...byDate.values()].flat().map(({ entry }) => entry));
    const placements = new Map(
      [...byDate].map(([date, entries]) => [date, layoutDay(entries.map(({ entry }) => entry))]),
    );
    return { byDate, window, placements };
  }, [model.days, model.times]);

  const { firstHour, lastHour } = layout.window;
  const height = (lastHour - firstHour) * 60 * PX_PER_MINUTE;
  const hourPx = 60 * PX_PER_MINUTE;

  const reset = (current: Drag) => {
    current.element.classList.remove(styles.dragging ?? '');
    current.element.style.transform = '';
  };

  const onPointerDown = useCallback((item: AgendaItem, event: PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    const element = event.currentTarget;
    drag.current = {
      item,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      grabY: event.clientY - element.getBoundingClientRect().top,
      element,
      moved: false,
    };
    element.setPointerCapture(event.pointerId);
  }, []);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const [dx, dy] = [event.clientX - current.x, event.clientY - current.y];
    if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    current.moved = true;
    // Straight on the element: a re-render of the whole view per pointer move would lag.
    current.element.classList.add(styles.dragging ?? '');
    current.element.style.transform = `translate(${dx}px, ${dy}px)`;
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    reset(current);
    if (!current.moved) return;
    justDragged.current = true;
    // The click that follows the release comes in the same task; later clicks are clicks again.
    setTimeout(() => (justDragged.current = false), 0);
    const grid = document
      .elementsFromPoint(event.clientX, event.clientY)
      .find(
        (element): element is HTMLElement => element instanceof HTMLElement && element.dataset.dayGrid !== undefined,
      );
    const date = grid?.dataset.date;
    if (!grid || !date) return;
    const top = event.clientY - current.grabY - grid.getBoundingClientRect().top;
    onDrop(current.item, date, firstHour * 60 + top / PX_PER_MINUTE);
  };

  const onPointerCancel = () => {
    if (drag.current) reset(drag.current);
    drag.current = null;
  };

  // The click that ends a drag is not a request to open the item.
  const open = useCallback(
    (id: string) => {
      if (justDragged.current) {
        justDragged.current = false;
        return;
      }
      onOpen(id);
    },
    [onOpen],
  );

  return (
    <div
      className={styles.days}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      data-testid="agenda-days"
    >
      <div className={styles.gutter} aria-hidden>
        <div className={styles.columnHead} />
        <div style={{ position: 'relative', height }}>
          {Array.from({ length: lastHour - firstHour + 1 }, (_, index) => (
            <span key={index} className={styles.hourLabel} style={{ top: Math.max(6, index * hourPx) }}>
              {String(firstHour + index).padStart(2, '0')}:00
            </span>
          ))}
        </div>
      </div>
      {model.columns.map((date) => {
        const entries = layout.byDate.get(date) ?? [];
        const placements = layout.placements.get(date);
        const zone = entries[0]?.item.timeZone ?? missionZone;
        const headingId = `agenda-column-${date}`;
        const outside = date < missionDates.startDate || date > missionDates.endDate;
        return (
          <section key={date} className={styles.column} aria-labelledby={headingId} data-testid="agenda-day-column">
            <h3 className={styles.columnHead} id={headingId}>
              {dayLabel(date, zone, locale)}
              {outside && <span className={styles.outsideDay}> · {t('agenda.outsideMissionDay')}</span>}
            </h3>
            <ul
              className={styles.grid}
              aria-labelledby={headingId}
              data-day-grid=""
              data-date={date}
              style={{
                height,
                backgroundImage: `repeating-linear-gradient(to bottom, var(--mantine-color-gray-3) 0 1px, transparent 1px ${hourPx}px)`,
              }}
            >
              {entries.map(({ item }) => {
                const times = model.times.get(item.id);
                const place = placements?.get(item.id);
                if (!times || !place) return null;
                return (
                  <li
                    key={item.id}
                    className={styles.dayItem}
                    data-testid="agenda-item"
                    data-item-id={item.id}
                    style={{
                      top: (place.top - firstHour * 60) * PX_PER_MINUTE,
                      height: place.height * PX_PER_MINUTE,
                      left: `${(place.lane / place.lanes) * 100}%`,
                      width: `${100 / place.lanes}%`,
                    }}
                  >
                    <ItemCard
                      item={item}
                      times={times}
                      organisation={model.organisations.get(item.organisationId)}
                      participants={model.participants.get(item.id) ?? ''}
                      warnings={warningsFor(model, item.id)}
                      layout="day"
                      labels={labels}
                      hintId={hintId}
                      onOpen={open}
                      onKeyMove={onKeyMove}
                      onPointerDown={onPointerDown}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
