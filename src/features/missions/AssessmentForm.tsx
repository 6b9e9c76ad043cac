/** The guideline (leidraad): questions A–D, each yes / partly / no with a rationale, and an advice. */
import { Alert, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { repositories } from '../../db';
import type { Mission } from '../../domain/entities';
import { GUIDELINE_ANSWERS, GUIDELINE_QUESTIONS, GuidelineAssessment } from '../../domain/entities/mission';
import { isAssessmentComplete } from '../../domain/mission-workflow';
import { useUndo } from '../../stores/undo';
import { TextAreaField } from '../common/forms/fields';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';

const Form = z.object({ assessment: GuidelineAssessment });
type FormValues = z.input<typeof Form>;

function AnswerField({ control, question }: { control: Control<FormValues>; question: 'A' | 'B' | 'C' | 'D' }) {
  const { t } = useTranslation();
  const { field } = useController({ control, name: `assessment.answers.${question}.answer` });
  const labelId = `answer-${question}`;
  return (
    <Stack gap={4}>
      <Text id={labelId} fw={600}>
        {t(`assessment.questions.${question}`)}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        w="fit-content"
        value={(field.value as string | undefined) ?? ''}
        onChange={field.onChange}
        data={GUIDELINE_ANSWERS.filter((answer) => answer !== '').map((answer) => ({
          value: answer,
          label: t(`assessment.answers.${answer}`),
        }))}
      />
    </Stack>
  );
}

export function AssessmentForm({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const record = useUndo((state) => state.record);
  const values = useMemo(() => ({ assessment: mission.assessment }), [mission.assessment]);
  const { form, state, error } = useAutosaveForm({
    schema: Form,
    values,
    save: async (next) => {
      const { undo } = await repositories.missions.updateUndoable(mission.id, { assessment: next.assessment });
      record({ label: t('assessment.title'), steps: undo });
    },
  });
  const complete = isAssessmentComplete(mission.assessment);
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="assessment-title"
      data-testid="assessment"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="assessment-title">
          {t('assessment.title')}
        </Title>
        <SaveStatus state={state} error={error} />
      </Group>
      <Text size="sm" mb="md" maw={760}>
        {t('assessment.intro')}
      </Text>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <Stack gap="lg">
          {GUIDELINE_QUESTIONS.map((question) => (
            <Stack key={question} gap="xs">
              <AnswerField control={form.control} question={question} />
              <TextAreaField
                control={form.control}
                name={`assessment.answers.${question}.rationale`}
                label={`${t('assessment.rationale')} (${question})`}
                minRows={2}
              />
            </Stack>
          ))}
          <TextAreaField control={form.control} name="assessment.advice" label={t('assessment.advice')} minRows={2} />
          <Alert color={complete ? 'green' : 'yellow'} variant="light" data-testid="assessment-state">
            {t(complete ? 'assessment.complete' : 'assessment.incomplete')}
          </Alert>
        </Stack>
      </form>
    </Paper>
  );
}
