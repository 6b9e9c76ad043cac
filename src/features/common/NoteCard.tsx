import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntelligenceNote } from '../../domain/entities';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { Markdown } from './Markdown';

/** One intelligence note: in a country's notes and in a mission's country briefing alike. */
export function NoteCard({ note }: { note: IntelligenceNote }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return (
    <Paper withBorder p="md" radius="sm" component="article">
      <Title order={3} size="h4" mb="xs">
        {note.title}
      </Title>
      <Markdown source={note.body} />
      <Text size="sm" c="gray.8">
        {note.source && t('mission.source', { source: note.source })}
        {note.source && note.reviewBy ? ' · ' : ''}
        {note.reviewBy && t('mission.reviewBy', { date: formatDate(note.reviewBy, LOCALES[language]) })}
      </Text>
    </Paper>
  );
}
