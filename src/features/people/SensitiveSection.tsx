/**
 * The sensitive fields of a person (src/domain/sensitive-fields.ts). While masked, their values
 * are not in the page at all, not even hidden: only shown on purpose, and masked again when the
 * panel closes or another person is opened (the parent owns `revealed` for that reason).
 */
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconLock } from '@tabler/icons-react';
import { useId } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../common/forms/fields';
import type { PersonFormValues } from './PersonFormFields';

export function SensitiveSection({
  control,
  revealed,
  onRevealedChange,
}: {
  control: Control<PersonFormValues>;
  revealed: boolean;
  onRevealedChange: (revealed: boolean) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const fieldsId = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId} data-testid="sensitive-section">
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          <IconLock size={16} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} />
          {t('people.sensitive.title')}
        </Title>
        {revealed ? (
          <Stack gap="sm" id={fieldsId}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextField control={control} name="passportNumber" label={t('people.sensitive.passportNumber')} />
              <TextField
                control={control}
                name="passportExpiry"
                type="date"
                label={t('people.sensitive.passportExpiry')}
              />
              <TextField control={control} name="dateOfBirth" type="date" label={t('people.sensitive.dateOfBirth')} />
              <TextField control={control} name="dietaryNeeds" label={t('people.sensitive.dietaryNeeds')} />
            </SimpleGrid>
            <TextAreaField
              control={control}
              name="medicalNotes"
              label={t('people.sensitive.medicalNotes')}
              minRows={2}
            />
            <TextField
              control={control}
              name="emergencyContact"
              label={t('people.sensitive.emergencyContact')}
              description={t('people.sensitive.emergencyContactHelp')}
            />
          </Stack>
        ) : (
          <Text size="sm" c="gray.8">
            {t('people.sensitive.masked')}
          </Text>
        )}
        <Button
          variant="default"
          w="fit-content"
          leftSection={revealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
          aria-expanded={revealed}
          aria-controls={revealed ? fieldsId : undefined}
          onClick={() => onRevealedChange(!revealed)}
          data-testid="sensitive-toggle"
        >
          {revealed ? t('people.sensitive.hide') : t('people.sensitive.show')}
        </Button>
      </Stack>
    </Paper>
  );
}
