import { Anchor, Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IntelligenceNote } from '../../domain/entities';
import { isReviewOverdue, localToday } from '../../domain/note-review';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { Markdown, safeLinkTarget } from './Markdown';

/** The "review overdue since …" flag of a note whose review-by date has passed; nothing otherwise. */
export function ReviewFlag({ note }: { note: Pick<IntelligenceNote, 'reviewBy'> }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  if (!isReviewOverdue(note, localToday(new Date()))) return null;
  return (
    <Badge
      color="red.9"
      variant="filled"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      data-testid="review-overdue"
      style={{ textTransform: 'none' }}
    >
      {t('notes.reviewOverdue', { date: formatDate(note.reviewBy, LOCALES[language]) })}
    </Badge>
  );
}

/**
 * One intelligence note: in a country's notes and in a mission's country briefing alike. With
 * `onEdit`, it has an edit button (the country page); without, it is read-only.
 */
export function NoteCard({ note, onEdit }: { note: IntelligenceNote; onEdit?: (id: string) => void }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const sourceLink = note.sourceUrl ? safeLinkTarget(note.sourceUrl) : null;
  const overdue = isReviewOverdue(note, localToday(new Date()));
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      component="article"
      aria-labelledby={`note-title-${note.id}`}
      data-testid="note-card"
      data-note-id={note.id}
      data-overdue={overdue}
      style={overdue ? { borderColor: 'var(--mantine-color-red-8)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <Title order={3} size="h4" id={`note-title-${note.id}`}>
          {note.title}
        </Title>
        {onEdit && (
          <Button
            variant="default"
            size="compact-sm"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={() => onEdit(note.id)}
            aria-label={t('notes.editNamed', { title: note.title })}
            data-testid="note-edit"
          >
            {t('form.edit')}
          </Button>
        )}
      </Group>
      <ReviewFlag note={note} />
      <Markdown source={note.body} />
      <Text size="sm" c="gray.8">
        {note.source && t('mission.source', { source: note.source })}
        {note.source && note.sourceDate ? ` (${formatDate(note.sourceDate, LOCALES[language])})` : ''}
        {note.source && note.reviewBy ? ' · ' : ''}
        {note.reviewBy && t('mission.reviewBy', { date: formatDate(note.reviewBy, LOCALES[language]) })}
      </Text>
      {sourceLink ? (
        <Anchor href={sourceLink} target="_blank" rel="noopener noreferrer" size="sm" underline="always">
          {sourceLink}
        </Anchor>
      ) : (
        // An http address is kept but not offered as a link (only https opens from a note).
        note.sourceUrl && (
          <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
            {note.sourceUrl}
          </Text>
        )
      )}
    </Paper>
  );
}
