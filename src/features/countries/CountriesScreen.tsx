import { Badge, Box, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { FOCUS_COUNTRIES, countryName } from '../../domain/countries';
import { usePreferences } from '../../stores/preferences';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { NoteCard } from '../common/NoteCard';

const CODES = FOCUS_COUNTRIES.map((country) => country.code);

function CountryNotes({ code }: { code: string }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const notes = useLiveQuery(() => queries.notesFor(db, code), [code]);
  if (notes === undefined) return <Text role="status">{t('app.loading')}</Text>;
  return (
    <section aria-labelledby="country-notes-title">
      <Title order={2} size="h3" id="country-notes-title" mb="sm">
        {t('countries.notesFor', { country: countryName(code, language) })}
      </Title>
      {notes.length === 0 ? (
        <EmptyState title={t('countries.noNotesTitle')} body={t('countries.noNotesBody')} />
      ) : (
        <Stack maw={800}>
          {notes.map((note) => (
            <NoteCard key={note.id} note={note} />
          ))}
        </Stack>
      )}
    </section>
  );
}

export default function CountriesScreen() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const counts = useLiveQuery(() => queries.notesPerCountry(db, CODES), []);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack data-testid="countries-screen">
      <ScreenHeader title={t('countries.title')} intro={t('countries.intro')} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="list" aria-label={t('countries.chooseCountry')}>
        {FOCUS_COUNTRIES.map((country) => (
          <Box role="listitem" key={country.code}>
            <UnstyledButton
              w="100%"
              onClick={() => setSelected(country.code)}
              aria-pressed={selected === country.code}
              data-testid={`country-${country.code}`}
            >
              <Card
                withBorder
                padding="md"
                radius="md"
                style={
                  selected === country.code
                    ? { borderColor: 'var(--mantine-color-utrecht-8)', borderWidth: 2 }
                    : undefined
                }
              >
                <Text fw={700}>{countryName(country.code, language)}</Text>
                <Group gap="xs" mt={4}>
                  <Badge variant="outline" color="gray.8" size="sm">
                    {country.focus === 'trade_invest' ? t('countries.focusTradeInvest') : t('countries.focusInvest')}
                  </Badge>
                </Group>
                <Text size="sm" c="gray.8" mt={4}>
                  {t('countries.notes', { count: counts?.[country.code] ?? 0 })}
                </Text>
              </Card>
            </UnstyledButton>
          </Box>
        ))}
      </SimpleGrid>
      {selected ? (
        <CountryNotes code={selected} />
      ) : (
        counts !== undefined &&
        Object.values(counts).every((n) => n === 0) && (
          <EmptyState testId="countries-empty" title={t('countries.noNotesTitle')} body={t('countries.noNotesBody')} />
        )
      )}
    </Stack>
  );
}
