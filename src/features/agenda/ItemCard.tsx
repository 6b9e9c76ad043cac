/**
 * One agenda item as a button: local and Dutch time, title, kind, place, counterpart (with its
 * name in its own script), participants and its warnings. Plain elements and words handed in by
 * the list (no translation hook or Mantine component per card), re-rendered only when the item
 * or what it shows changed, so a long agenda stays quick to open and to edit.
 */
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import type { AgendaItem, Organisation } from '../../domain/entities';
import styles from './agenda.module.css';
import type { ItemTimes } from './item-times';

/** The words every card uses, translated once for the whole agenda. */
export interface CardLabels {
  readonly localTime: (zone: string) => string;
  readonly homeTime: string;
  readonly nlTime: (time: string) => string;
  readonly counterpart: string;
  readonly kind: (kind: AgendaItem['kind']) => string;
  readonly dayBefore: string;
  readonly dayAfter: string;
}

/**
 * A sentence with one slot, as a function: translated once and then filled by concatenation,
 * because 400 cards asking i18next to interpolate on every render is measurable.
 */
export function sentenceWithSlot(translated: string): (value: string) => string {
  const [before = '', after = ''] = translated.split(SLOT);
  return (value) => before + value + after;
}
export const SLOT = '\u0000';

export function cardLabels(t: TFunction): CardLabels {
  const kinds = new Map<string, string>();
  const localTime = sentenceWithSlot(t('mission.localTime', { zone: SLOT }));
  return {
    localTime,
    homeTime: t('mission.homeTime'),
    nlTime: sentenceWithSlot(t('mission.nlTime', { time: SLOT })),
    counterpart: t('mission.counterpart'),
    kind: (kind) => {
      let label = kinds.get(kind);
      if (label === undefined) kinds.set(kind, (label = t(`agendaKind.${kind}`)));
      return label;
    },
    dayBefore: t('agenda.dayBefore'),
    dayAfter: t('agenda.dayAfter'),
  };
}

export type KeyMove = 'earlier' | 'later' | 'dayBefore' | 'dayAfter';

const KEY_MOVES: Readonly<Record<string, KeyMove>> = {
  ArrowUp: 'earlier',
  ArrowDown: 'later',
  ArrowLeft: 'dayBefore',
  ArrowRight: 'dayAfter',
};

export interface ItemCardProps {
  readonly item: AgendaItem;
  readonly times: ItemTimes;
  readonly organisation: Organisation | undefined;
  /** The participants' names, or "whole delegation". */
  readonly participants: string;
  readonly warnings: readonly string[];
  readonly layout: 'list' | 'day';
  readonly labels: CardLabels;
  /** Id of the text that explains the keyboard moves. */
  readonly hintId: string;
  readonly onOpen: (id: string) => void;
  readonly onKeyMove: (item: AgendaItem, move: KeyMove) => void;
  readonly onPointerDown?: (item: AgendaItem, event: PointerEvent<HTMLButtonElement>) => void;
}

function ItemCardView({
  item,
  times,
  organisation,
  participants,
  warnings,
  layout,
  labels,
  hintId,
  onOpen,
  onKeyMove,
  onPointerDown,
}: ItemCardProps) {
  const { range } = times;
  const place = [item.location, item.city].filter(Boolean).join(' · ');
  const shift = range.homeDayOffset === 0 ? '' : ` ${range.homeDayOffset < 0 ? labels.dayBefore : labels.dayAfter}`;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const move = event.altKey && !event.ctrlKey && !event.metaKey ? KEY_MOVES[event.key] : undefined;
    if (!move) return;
    event.preventDefault();
    onKeyMove(item, move);
  };
  const className = [layout === 'list' ? styles.card : styles.block, warnings.length > 0 ? styles.warning : '']
    .filter(Boolean)
    .join(' ');
  const counterpart = organisation && (
    <span className={layout === 'list' ? styles.line : undefined}>
      {labels.counterpart}: {organisation.name}
      {/* As the common LocalName renders it, in plain markup: the name in its own script and font. */}
      {organisation.localName && (
        <span className={`local-name ${styles.muted}`} lang={organisation.localNameLang || undefined}>
          {' '}
          {organisation.localName}
        </span>
      )}
    </span>
  );
  const warningLines = warnings.map((warning, index) => (
    <span className={styles.conflict} key={index}>
      <IconAlertTriangle size={14} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
      <span>{warning}</span>
    </span>
  ));
  return (
    <button
      type="button"
      className={className}
      data-item-button={item.id}
      aria-describedby={hintId}
      onClick={() => onOpen(item.id)}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown ? (event) => onPointerDown(item, event) : undefined}
    >
      {layout === 'list' ? (
        <>
          <span className={styles.times}>
            <span className={styles.local}>
              <span className={styles.srOnly}>{labels.localTime(range.localZone)}: </span>
              {range.local}
            </span>
            <span className={styles.home}>
              <span className={styles.srOnly}>{labels.homeTime}: </span>
              {labels.nlTime(range.home)}
              {shift}
            </span>
          </span>
          <span className={styles.body}>
            <span className={styles.titleLine}>
              <span className={styles.title}>{item.title}</span>
              <span className={styles.kind}>{labels.kind(item.kind)}</span>
            </span>
            {place && <span className={styles.line}>{place}</span>}
            {counterpart}
            <span className={styles.muted}>{participants}</span>
            {warningLines}
          </span>
        </>
      ) : (
        <>
          <span>
            <strong>{range.local}</strong> · {labels.nlTime(range.home)}
            {shift}
          </span>
          <span className={styles.title}>{item.title}</span>
          <span>
            {labels.kind(item.kind)}
            {place && ` · ${place}`}
          </span>
          {counterpart}
          <span className={styles.muted}>{participants}</span>
          {warningLines}
        </>
      )}
    </button>
  );
}

/** Equal when the stored item (its clock stamp) and everything shown beside it are the same. */
function sameCard(a: ItemCardProps, b: ItemCardProps): boolean {
  return (
    a.item.id === b.item.id &&
    a.item.hlc === b.item.hlc &&
    a.times === b.times &&
    a.organisation?.hlc === b.organisation?.hlc &&
    a.participants === b.participants &&
    a.warnings.join('\n') === b.warnings.join('\n') &&
    a.layout === b.layout &&
    a.labels === b.labels &&
    a.hintId === b.hintId &&
    a.onOpen === b.onOpen &&
    a.onKeyMove === b.onKeyMove &&
    a.onPointerDown === b.onPointerDown
  );
}

export const ItemCard = memo(ItemCardView, sameCard);
