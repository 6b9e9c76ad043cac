/**
 * A country's sheet (landenfiche) in a form that saves itself, only when valid. A country without
 * a sheet shows the form prefilled with its known facts (focus, time zones, currency, languages);
 * the sheet is kept with the first change. "Fill in the known facts" fills only what is empty.
 */
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconSparkles, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useController, useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { db } from '../../db';
import { changedFields, fillKnownFacts, knownFactsPatch, saveCountrySheet } from '../../db/knowledge-writes';
import { prefilledSheet } from '../../domain/country-facts';
import { countryName } from '../../domain/countries';
import type { CountrySheet } from '../../domain/entities';
import { userFieldsOf } from '../../domain/entities/common';
import { COUNTRY_FOCUS, CountrySheetFields, KEY_CONTACT_KINDS } from '../../domain/entities/country-sheet';
import { SECTORS } from '../../domain/entities/mission';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { MultiSelectField, NumberField, SelectField, TextAreaField, TextField } from '../common/forms/fields';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { zoneChoices } from '../common/forms/zone-choices';
import { notifyUndoable } from '../common/notify-undoable';
import { personSource, RegistryMultiField } from '../common/forms/registry-pickers';

type SheetForm = Control<z.input<typeof CountrySheetFields>, unknown, CountrySheetFields>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function FocusField({ control }: { control: SheetForm }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: 'focus' });
  return (
    <Input.Wrapper label={t('countries.field.focus')} id="sheet-focus-label">
      <div>
        <SegmentedControl
          aria-labelledby="sheet-focus-label"
          value={field.value ?? ''}
          onChange={field.onChange}
          data={COUNTRY_FOCUS.map((focus) => ({
            value: focus,
            label: t(`countries.focusValue.${focus === '' ? 'none' : focus}`),
          }))}
          data-testid="sheet-focus"
        />
      </div>
    </Input.Wrapper>
  );
}

function KeyContacts({ control, onRemoved }: { control: SheetForm; onRemoved: () => void }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'keyContacts' });
  const kinds = KEY_CONTACT_KINDS.map((kind) => ({ value: kind, label: t(`countries.contactKind.${kind}`) }));
  return (
    <Stack gap="sm">
      {fields.length === 0 && <Text c="gray.8">{t('countries.contact.none')}</Text>}
      {fields.map((contact, index) => (
        <fieldset key={contact.id} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}>
          <legend style={{ padding: '0 4px', fontWeight: 600 }}>
            {t('countries.contact.legend', { number: String(index + 1) })}
          </legend>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <SelectField
              control={control}
              name={`keyContacts.${index}.kind`}
              label={t('countries.contact.kind')}
              data={kinds}
            />
            <TextField
              control={control}
              name={`keyContacts.${index}.name`}
              label={t('countries.contact.name')}
              required
            />
            <TextField
              control={control}
              name={`keyContacts.${index}.phone`}
              type="tel"
              label={t('countries.contact.phone')}
            />
            <TextField
              control={control}
              name={`keyContacts.${index}.email`}
              type="email"
              label={t('countries.contact.email')}
            />
          </SimpleGrid>
          <Group align="flex-end" gap="sm" mt="sm" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <TextField
                control={control}
                name={`keyContacts.${index}.address`}
                label={t('countries.contact.address')}
              />
            </div>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('countries.contact.remove', { number: String(index + 1) })}
              onClick={() => {
                remove(index);
                onRemoved();
              }}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </fieldset>
      ))}
      <Button
        variant="default"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => append({ kind: 'embassy', name: '', phone: '', email: '', address: '' })}
        w="fit-content"
        data-testid="sheet-add-contact"
      >
        {t('countries.contact.add')}
      </Button>
    </Stack>
  );
}

export function CountrySheetEditor({ countryCode, sheet }: { countryCode: string; sheet: CountrySheet | undefined }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const country = countryName(countryCode, language);
  // No sheet yet: the form starts from the known facts, in the language of who fills it in.
  const stored = useMemo(
    () => (sheet ? (userFieldsOf(sheet) as CountrySheetFields) : prefilledSheet(countryCode, language)),
    [sheet, countryCode, language],
  );
  const storedRef = useRef(stored);
  useEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const editLabel = t('countries.sheetEditLabel', { country });
  const save = useCallback(
    async (fields: CountrySheetFields) => {
      const saved = await saveCountrySheet(db, countryCode, fields, changedFields(storedRef.current, fields));
      if (saved) useUndo.getState().record({ label: editLabel, steps: saved.undo });
    },
    [countryCode, editLabel],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema: CountrySheetFields, values: stored, save });
  useEffect(() => () => void flush(), [flush]);

  const fillable = sheet !== undefined && Object.keys(knownFactsPatch(sheet, language)).length > 0;
  const fill = () => {
    fillKnownFacts(db, countryCode, language).then(
      (filled) => {
        if (!filled) return;
        useUndo.getState().record({ label: t('countries.factsLabel', { country }), steps: filled.undo });
        notifyUndoable(t, t('countries.factsFilled', { country }));
      },
      (failure: unknown) => notifyError(t, failure),
    );
  };

  const sectors = SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }));
  const zones = useMemo(() => zoneChoices(), []);
  const control = form.control;
  return (
    <Stack gap="md" data-testid="sheet-editor" data-saved={sheet !== undefined}>
      <Group justify="space-between" align="center">
        <SaveStatus state={state} error={error} />
        {fillable && (
          <Group gap="xs">
            <Text size="sm" c="gray.8" maw={360}>
              {t('countries.fillFactsHelp')}
            </Text>
            <Button
              variant="default"
              leftSection={<IconSparkles size={16} aria-hidden />}
              onClick={fill}
              data-testid="sheet-fill-facts"
            >
              {t('countries.fillFacts')}
            </Button>
          </Group>
        )}
      </Group>
      {sheet === undefined && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="sheet-new">
          <Text size="sm">{t('countries.sheetNew')}</Text>
        </Alert>
      )}
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Stack gap="md">
          <Section id="sheet-focus" title={t('countries.section.focus')}>
            <Stack gap="sm">
              <FocusField control={control} />
              <MultiSelectField
                control={control}
                name="prioritySectors"
                label={t('countries.field.prioritySectors')}
                data={sectors}
              />
            </Stack>
          </Section>
          <Section id="sheet-plan" title={t('countries.section.plan')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberField control={control} name="planYear" label={t('countries.field.planYear')} min={2000} />
                <NumberField
                  control={control}
                  name="jobTarget"
                  label={t('countries.field.jobTarget')}
                  description={t('countries.field.jobTargetHelp')}
                />
              </SimpleGrid>
              <TextAreaField control={control} name="goals" label={t('countries.field.goals')} />
              <TextAreaField
                control={control}
                name="plannedActivities"
                label={t('countries.field.plannedActivities')}
              />
            </Stack>
          </Section>
          <Section id="sheet-team" title={t('countries.section.team')}>
            <RegistryMultiField
              source={personSource}
              testId="sheet-team"
              control={control}
              name="teamPersonIds"
              label={t('countries.field.team')}
              description={t('countries.teamHelp')}
            />
          </Section>
          <Section id="sheet-contacts" title={t('countries.section.contacts')}>
            <KeyContacts control={control} onRemoved={() => void flush()} />
          </Section>
          <Section id="sheet-practical" title={t('countries.section.practical')}>
            <Stack gap="sm">
              <MultiSelectField
                control={control}
                name="timeZones"
                label={t('countries.field.timeZones')}
                data={zones}
                searchable
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextField control={control} name="currency" label={t('countries.field.currency')} />
                <TextField control={control} name="languages" label={t('countries.field.languages')} />
              </SimpleGrid>
              <TextAreaField control={control} name="etiquette" label={t('countries.field.etiquette')} />
              <TextAreaField control={control} name="visa" label={t('countries.field.visa')} minRows={2} />
              <TextAreaField
                control={control}
                name="travelAdvice"
                label={t('countries.field.travelAdvice')}
                minRows={2}
              />
              <TextAreaField
                control={control}
                name="emergencyNumbers"
                label={t('countries.field.emergencyNumbers')}
                minRows={2}
              />
            </Stack>
          </Section>
        </Stack>
      </form>
    </Stack>
  );
}
