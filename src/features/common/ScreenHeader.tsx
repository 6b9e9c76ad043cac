import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function ScreenHeader({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Title order={1}>{title}</Title>
      {intro && (
        <Text c="gray.8" maw={760}>
          {intro}
        </Text>
      )}
      {children}
    </Stack>
  );
}
