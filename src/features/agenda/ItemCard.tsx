/**
 * One agenda item as a button: local and Dutch time, title, kind, place, counterpart (with its
 * name in its own script), participants and its warnings. Plain elements, and re-rendered only
 * when the item or what it shows changed, so a long agenda stays quick to open and to edit.
 */
import { IconAlertTriangle } from '@tabler/icons-react';
import { memo, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Organisation } from '../../domain/entities';
import { LocalName } from '../common/LocalName';
import styles from './agenda.module.css';
import type { ItemTimes } from './item-times';

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
  hintId,
  onOpen,
  onKeyMove,
  onPointerDown,
}: ItemCardProps) {
  const { t } = useTranslation();
  const { range } = times;
  const place = [item.location, item.city].filter(Boolean).join(' · ');
  const shift =
    range.homeDayOffset === 0 ? '' : ` ${t(range.homeDayOffset < 0 ? 'agenda.dayBefore' : 'agenda.dayAfter')}`;
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
      {t('mission.counterpart')}: {organisation.name}
      <LocalName name={organisation.localName} lang={organisation.localNameLang} />
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
              <span className={styles.srOnly}>{t('mission.localTime', { zone: range.localZone })}: </span>
              {range.local}
            </span>
            <span className={styles.home}>
              <span className={styles.srOnly}>{t('mission.homeTime')}: </span>
              {t('mission.nlTime', { time: range.home })}
              {shift}
            </span>
          </span>
          <span className={styles.body}>
            <span className={styles.titleLine}>
              <span className={styles.title}>{item.title}</span>
              <span className={styles.kind}>{t(`agendaKind.${item.kind}`)}</span>
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
            <strong>{range.local}</strong> · {t('mission.nlTime', { time: range.home })}
            {shift}
          </span>
          <span className={styles.title}>{item.title}</span>
          <span>
            {t(`agendaKind.${item.kind}`)}
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
    a.hintId === b.hintId &&
    a.onOpen === b.onOpen &&
    a.onKeyMove === b.onKeyMove &&
    a.onPointerDown === b.onPointerDown
  );
}

export const ItemCard = memo(ItemCardView, sameCard);
