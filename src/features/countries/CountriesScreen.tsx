/**
 * Countries and intelligence: the focus countries as cards (notes, notes to review), and per
 * country a page with its sheet (landenfiche) and its intelligence notes, overdue ones first and
 * flagged. A sheet or a note picked in the search box opens here, selected.
 */
import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { FOCUS_COUNTRIES, countryChoices, countryName } from '../../domain/countries';
import { localToday, overdueFirst } from '../../domain/note-review';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';
import { EmptyState } from '../common/EmptyState';
import { NoteCard } from '../common/NoteCard';
import { ScreenHeader } from '../common/ScreenHeader';
import { NoteDrawer, type NoteDrawerState } from '../notes/NoteDrawer';
import { CountrySheetEditor } from './CountrySheetEditor';

const CODES = FOCUS_COUNTRIES.map((country) => country.code);
type PageTab = 'sheet' | 'notes';

function OverdueBadge({ count, testId }: { count: number; testId: string }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Badge
      color="red.9"
      variant="filled"
      leftSection={<IconAlertTriangle size={12} aria-hidden />}
      style={{ textTransform: 'none' }}
      data-testid={testId}
    >
      {t('countries.overdue', { count })}
    </Badge>
  );
}

function CountryNotes({ code, onOpen }: { code: string; onOpen: (next: NoteDrawerState) => void }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const notes = useLiveQuery(() => queries.notesFor(db, code), [code]);
  const today = localToday(new Date());
  const ordered = useMemo(() => (notes ? overdueFirst(notes, today) : undefined), [notes, today]);
  return (
    <Stack gap="sm" maw={860}>
      <Group justify="space-between" align="center">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('countries.notesFor', { country: countryName(code, language) })}
          </Title>
          <Text size="sm" c="gray.8">
            {t('countries.overdueHint')}
          </Text>
        </Stack>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => onOpen({ kind: 'new', countryCode: code })}
          data-testid="note-new"
        >
          {t('notes.newNote')}
        </Button>
      </Group>
      {ordered === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : ordered.length === 0 ? (
        <EmptyState title={t('countries.noNotesTitle')} body={t('countries.noNotesBody')} />
      ) : (
        ordered.map((note) => <NoteCard key={note.id} note={note} onEdit={(id) => onOpen({ kind: 'edit', id })} />)
      )}
    </Stack>
  );
}

function CountryPage({
  code,
  tab,
  onTab,
  onBack,
  onOpenNote,
}: {
  code: string;
  tab: PageTab;
  onTab: (tab: PageTab) => void;
  onBack: () => void;
  onOpenNote: (next: NoteDrawerState) => void;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const name = countryName(code, language);
  const today = localToday(new Date());
  const found = useLiveQuery(
    async () => ({
      sheet: await queries.countrySheetFor(db, code),
      summary: (await queries.notesSummaryPerCountry(db, [code], today))[code],
    }),
    [code, today],
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [code]);
  return (
    <Stack
      gap="md"
      component="section"
      aria-labelledby="country-page-title"
      data-testid="country-page"
      data-country={code}
    >
      <Group justify="space-between" align="center">
        <Group gap="sm" align="center">
          <Title order={2} id="country-page-title" ref={headingRef} tabIndex={-1}>
            {name}
          </Title>
          <OverdueBadge count={found?.summary?.overdue ?? 0} testId="country-overdue" />
        </Group>
        <Button
          variant="subtle"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={onBack}
          data-testid="country-back"
        >
          {t('countries.back')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(next) => onTab(next === 'notes' ? 'notes' : 'sheet')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sheet" data-testid="country-tab-sheet">
            {t('countries.sheetTitle')}
          </Tabs.Tab>
          <Tabs.Tab value="notes" data-testid="country-tab-notes">
            {t('countries.notesTab', { count: found?.summary?.notes ?? 0 })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sheet" pt="md">
          {found === undefined ? (
            <Text role="status">{t('app.loading')}</Text>
          ) : (
            <Box maw={960}>
              {/* The form follows the stored sheet as it appears (first save) or goes (undo). */}
              <CountrySheetEditor key={code} countryCode={code} sheet={found.sheet} />
            </Box>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <CountryNotes code={code} onOpen={onOpenNote} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export default function CountriesScreen() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const focusId = useNavigation((state) => state.focusId);
  const today = localToday(new Date());
  const summary = useLiveQuery(() => queries.notesSummaryPerCountry(db, CODES, today), [today]);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<PageTab>('sheet');
  const [drawer, setDrawer] = useState<NoteDrawerState>(null);
  const choices = useMemo(() => countryChoices(language), [language]);

  // A search result: a country sheet opens its country on the sheet; a note opens its first
  // country on the notes, with the note in the drawer.
  useEffect(() => {
    if (!focusId) return;
    let current = true;
    void (async () => {
      const sheet = await queries.countrySheetById(db, focusId);
      if (!current) return;
      if (sheet) {
        setSelected(sheet.countryCode);
        setTab('sheet');
        return;
      }
      const note = await queries.noteById(db, focusId);
      if (!current || !note) return;
      if (note.countryCodes[0]) setSelected(note.countryCodes[0]);
      setTab('notes');
      setDrawer({ kind: 'edit', id: note.id });
    })();
    return () => {
      current = false;
    };
  }, [focusId]);

  const open = (code: string) => {
    setSelected(code);
    setTab('sheet');
  };

  return (
    <Stack data-testid="countries-screen">
      <ScreenHeader title={t('countries.title')} intro={t('countries.intro')} />
      {selected ? (
        <CountryPage code={selected} tab={tab} onTab={setTab} onBack={() => setSelected(null)} onOpenNote={setDrawer} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" role="list" aria-label={t('countries.chooseCountry')}>
            {FOCUS_COUNTRIES.map((country) => (
              <Box role="listitem" key={country.code}>
                <UnstyledButton
                  w="100%"
                  h="100%"
                  onClick={() => open(country.code)}
                  data-testid={`country-${country.code}`}
                >
                  <Card withBorder padding="md" radius="md" h="100%">
                    <Text fw={700}>{countryName(country.code, language)}</Text>
                    <Group gap="xs" mt={4}>
                      <Badge variant="outline" color="gray.8" size="sm">
                        {country.focus === 'trade_invest'
                          ? t('countries.focusTradeInvest')
                          : t('countries.focusInvest')}
                      </Badge>
                    </Group>
                    <Text size="sm" c="gray.8" mt={4}>
                      {t('countries.notes', { count: summary?.[country.code]?.notes ?? 0 })}
                    </Text>
                    <Box mt={4}>
                      <OverdueBadge
                        count={summary?.[country.code]?.overdue ?? 0}
                        testId={`country-${country.code}-overdue`}
                      />
                    </Box>
                  </Card>
                </UnstyledButton>
              </Box>
            ))}
          </SimpleGrid>
          <Select
            label={t('countries.otherCountry')}
            description={t('countries.otherCountryHelp')}
            placeholder={t('form.choose')}
            data={choices}
            searchable
            value={null}
            onChange={(code) => code && open(code)}
            maw={360}
            comboboxProps={{ withinPortal: true }}
            data-testid="country-other"
          />
          {summary !== undefined && Object.values(summary).every((entry) => entry.notes === 0) && (
            <EmptyState
              testId="countries-empty"
              title={t('countries.noNotesTitle')}
              body={t('countries.noNotesBody')}
            />
          )}
        </>
      )}
      <NoteDrawer state={drawer} onChange={setDrawer} />
    </Stack>
  );
}
