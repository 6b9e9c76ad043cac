/** The agenda as a list, one section per local day, items in order of start. */
import { Stack, Title } from '@mantine/core';
import type { AgendaItem } from '../../domain/entities';
import styles from './agenda.module.css';
import { ItemCard, type CardLabels, type KeyMove } from './ItemCard';
import { dayLabel, warningsFor, type AgendaModel } from './use-agenda-model';

export function AgendaListView({
  model,
  locale,
  labels,
  hintId,
  onOpen,
  onKeyMove,
}: {
  model: AgendaModel;
  locale: string;
  labels: CardLabels;
  hintId: string;
  onOpen: (id: string) => void;
  onKeyMove: (item: AgendaItem, move: KeyMove) => void;
}) {
  return (
    <Stack gap="lg">
      {model.days.map(({ date, items }) => {
        const first = items[0];
        const headingId = `agenda-day-${date}`;
        return (
          <section key={date} aria-labelledby={headingId} className={styles.daySection}>
            <Title order={3} size="h4" id={headingId} mb="xs">
              {dayLabel(date, first?.timeZone ?? 'UTC', locale)}
            </Title>
            <ul className={styles.list} aria-labelledby={headingId}>
              {items.map((item) => {
                const times = model.times.get(item.id);
                if (!times) return null;
                return (
                  <li key={item.id} data-testid="agenda-item" data-item-id={item.id}>
                    <ItemCard
                      item={item}
                      times={times}
                      organisation={model.organisations.get(item.organisationId)}
                      participants={model.participants.get(item.id) ?? ''}
                      warnings={warningsFor(model, item.id)}
                      layout="list"
                      labels={labels}
                      hintId={hintId}
                      onOpen={onOpen}
                      onKeyMove={onKeyMove}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Stack>
  );
}
