import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** What an area is for, when it has nothing in it yet. */
export function EmptyState({
  title,
  body,
  action,
  testId,
}: {
  title: string;
  body: string;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p="xl" radius="md" maw={720} data-testid={testId}>
      <Stack gap="md" align="flex-start">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text c="gray.8">{body}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
